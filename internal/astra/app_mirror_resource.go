package astra

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/adopt"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const appMirrorTypeName = "continuity_astra_app_mirror"

// Default bounds of the waits. Establishing copies the app's data to the
// other cluster, so it can take long on a real system.
const (
	appMirrorCreateTimeout = 60 * time.Minute
	appMirrorUpdateTimeout = 60 * time.Minute
	appMirrorDeleteTimeout = 30 * time.Minute
)

var (
	_ resource.ResourceWithConfigure      = (*appMirrorResource)(nil)
	_ resource.ResourceWithImportState    = (*appMirrorResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*appMirrorResource)(nil)
	_ resource.ResourceWithValidateConfig = (*appMirrorResource)(nil)
)

// NewAppMirrorResource returns the continuity_astra_app_mirror resource.
func NewAppMirrorResource() resource.Resource { return &appMirrorResource{} }

type appMirrorResource struct{ client *Client }

func (r *appMirrorResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = appMirrorTypeName
}

func (r *appMirrorResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Astra Control AppMirror: a replication relationship that copies a managed app (`source_app_id`) to " +
			"a new app on another cluster (`destination_cluster_id`), with SnapMirror under the hood. The disaster-recovery " +
			"runbook is a matter of two attributes:\n\n" +
			"| Change | API operation | Waits until |\n|---|---|---|\n" +
			"| create | establish (POST) | `established` |\n" +
			"| `state_desired` `established` → `failedOver` | failover: the destination app starts from the latest replicated snapshot | `failedOver` |\n" +
			"| `state_desired` `failedOver` → `established`, `reversed` unchanged | resync: replication restarts in the same direction; changes made on the failed-over app are overwritten | `established` |\n" +
			"| `reversed` changed (with `state_desired = \"established\"`) | reverse: the IDs are swapped and replication runs the other way; from `failedOver` this keeps the failed-over app's data (the first step of a fail-back) | `established` |\n" +
			"| destroy | delete (the destination app stays, as an ordinary managed app) | the relationship is gone |\n\n" +
			"`source_app_id`, `destination_app_id`, `source_cluster_id` and `destination_cluster_id` always mean the apps and " +
			"clusters as configured, whichever way replication runs; `reversed = true` means it runs from the destination " +
			"app back to the source app. A change the API cannot make in one step (reverse and fail over together, or " +
			"create a relationship failed over or reversed) is refused at plan time. A failover or reverse made outside " +
			"Terraform (in the Astra UI, say) shows as a change in plan.\n\n" +
			"**Lost answers.** Astra Control takes no idempotency token, and creating a relationship twice would re-send a whole " +
			"app's data. When the answer to the create is lost (the connection broke after the request was sent, or a 5xx came " +
			"back), the provider looks for the relationship of `source_app_id` (an app can be in one relationship only) to " +
			"`destination_cluster_id` created since its request, and adopts it instead of creating another. The state changes " +
			"(failover, resync, reverse) are PUTs of the state wanted and deletion is a DELETE: repeating them changes nothing.\n\n" +
			"**Interruptions and timeouts.** When an apply is interrupted (Ctrl-C) while the provider waits for a transition, the " +
			"relationship stays in the state, not tainted, and the next apply resumes waiting in place: its plan is an update of " +
			"`state`, never a replacement, and no request is sent again while the transition is under way. When a create times " +
			"out, the relationship is in the state as tainted: `terraform untaint` keeps it and the next apply resumes waiting; " +
			"otherwise the next apply replaces it. A relationship found `deleting` (an interrupted destroy) is waited for by the next " +
			"destroy, and replaced by the next apply. A transition that Astra Control reports as failed (health `critical` while it " +
			"is under way) ends the wait with the API's explanation." + timeoutsNote(appMirrorCreateTimeout, appMirrorUpdateTimeout, appMirrorDeleteTimeout),
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The AppMirror's ID.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"source_app_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the managed app to replicate (see the `continuity_astra_app` data source). Changing it replaces the relationship.",
				Validators:          []validator.String{astraIDValidator("a managed app")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"destination_cluster_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "ID of the managed cluster that hosts the destination app (see the `continuity_astra_managed_cluster` " +
					"data source). It may be the source app's cluster, with `namespace_mapping` roles. Changing it replaces the relationship.",
				Validators:    []validator.String{astraIDValidator("a managed cluster")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"namespace_mapping": mappingAttribute("Namespaces of the app on each cluster, at most one entry per cluster (per role within one cluster); "+
				"the namespaces of the two entries are paired by position. Without it, the destination app uses the source app's "+
				"namespace names. Used when the relationship is created: changing it replaces the relationship.",
				"namespaces", schema.ListAttribute{
					Required:            true,
					ElementType:         types.StringType,
					MarkdownDescription: "Namespace names (DNS-1123 labels, 1 to 63 characters), unique.",
					Validators: []validator.List{
						listvalidator.SizeAtLeast(1),
						listvalidator.UniqueValues(),
						listvalidator.ValueStringsAre(stringvalidator.LengthBetween(1, 63), dns1123Validator),
					},
				}),
			"storage_classes": mappingAttribute("Storage class for the new volumes on each cluster, at most one entry per cluster (per role within "+
				"one cluster); a cluster without an entry uses its default storage class (see the `continuity_astra_storage_classes` "+
				"data source). Used when the relationship is created: changing it replaces the relationship.",
				"storage_class_name", schema.StringAttribute{
					Required:            true,
					MarkdownDescription: "Kubernetes name of the storage class (not its Astra ID), 1 to 255 characters.",
					Validators:          []validator.String{stringvalidator.LengthBetween(1, 255)},
				}),
			"state_desired": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString(MirrorEstablished),
				MarkdownDescription: "`established` (the default: replication runs) or `failedOver` (the destination app runs on its own " +
					"from the latest replicated snapshot). A relationship is always created `established`.",
				Validators: []validator.String{stringvalidator.OneOf(MirrorEstablished, MirrorFailedOver)},
			},
			"reversed": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
				MarkdownDescription: "Whether replication runs from the destination app back to the source app (default `false`). " +
					"Changing it reverses the relationship; it needs `state_desired = \"established\"`. A relationship is always created with `false`.",
			},
			"destination_app_id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "ID of the app Astra Control created on the destination cluster.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"source_cluster_id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "ID of the source app's cluster.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"state": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "The relationship's state: `establishing`, `established`, `failingOver`, `failedOver` or `deleting`. " +
					"After an apply it is `state_desired`.",
			},
			"health_state": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`normal`, `warning` (for instance while failed over: the source app is no longer protected), `critical` or `indeterminate`.",
			},
			"transfer_state": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "State of the current or latest snapshot transfer: `transferring` or `idle`.",
			},
			"state_details": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Why the relationship is in its state, as the API explains it.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"type":   schema.StringAttribute{Computed: true, MarkdownDescription: "URI of the kind of detail."},
					"title":  schema.StringAttribute{Computed: true, MarkdownDescription: "Short summary."},
					"detail": schema.StringAttribute{Computed: true, MarkdownDescription: "Explanation."},
				}},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

// mappingAttribute is namespace_mapping or storage_classes: entries for the
// source app's cluster and the destination cluster, each with its
// cluster_id, an optional role and one attribute of its own, fixed at
// creation.
func mappingAttribute(desc, name string, attribute schema.Attribute) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		Optional:            true,
		Computed:            true,
		MarkdownDescription: desc,
		Validators:          []validator.List{listvalidator.SizeBetween(1, 2)},
		PlanModifiers: []planmodifier.List{
			listplanmodifier.UseStateForUnknown(),
			listplanmodifier.RequiresReplace(),
		},
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"cluster_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The source app's cluster or the destination cluster.",
				Validators:          []validator.String{astraIDValidator("a managed cluster")},
			},
			name:   attribute,
			"role": roleAttribute(),
		}},
	}
}

// roleAttribute is the role of a mapping entry.
func roleAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true,
		MarkdownDescription: "`source` or `destination`: the side of the configured replication this entry is for. Required when " +
			"the source and destination clusters are the same; otherwise `cluster_id` says it. Like every attribute, it keeps " +
			"its configured meaning after a reverse.",
		Validators: []validator.String{stringvalidator.OneOf("source", "destination")},
	}
}

func (r *appMirrorResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *appMirrorResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan appMirrorResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, appMirrorCreateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	in := plan.toAPI(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	planned := plan
	created, adopted, err := adopt.Create[*AppMirror]{
		Operation: "AppMirror of app " + in.SourceAppID,
		Create:    func(ctx context.Context) (*AppMirror, error) { return r.client.CreateAppMirror(ctx, in) },
		Find: func(ctx context.Context, since time.Time) (*AppMirror, bool, error) {
			return r.findCreated(ctx, in, since)
		},
	}.Do(ctx)
	if err != nil {
		addAppMirrorError(&resp.Diagnostics, "creating", plan, err)
		return
	}
	tflog.Info(ctx, "created AppMirror", map[string]any{"id": created.ID, "state": created.State, "adopted": adopted})
	// The ID goes into the state before the wait: a failed wait leaves a
	// tainted resource, not an untracked relationship.
	plan.fromAPI(created, false, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	live, err := r.waitFor(ctx, created.ID, MirrorEstablished, created.SourceAppID, "")
	if err != nil {
		r.addWaitError(ctx, resp.State.Set, &resp.Diagnostics, apierr.PhaseCreate, "waiting for the establishment of", plan, planned, err)
		return
	}
	plan.fromAPI(live, false, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// findCreated looks for the relationship a create whose answer was lost
// made: an app can be in one relationship only (409 problem 10 for a
// second), so it is the one that replicates the source app to the
// destination cluster, created since the first request.
func (r *appMirrorResource) findCreated(ctx context.Context, in AppMirrorInput, since time.Time) (*AppMirror, bool, error) {
	found, err := r.client.ListAppMirrorsOf(ctx, in.SourceAppID)
	if err != nil {
		return nil, false, err
	}
	return adoptFound("an AppMirror of app "+in.SourceAppID, found, func(m *AppMirror) bool {
		return m.SourceAppID == in.SourceAppID && m.DestinationClusterID == in.DestinationClusterID && createdSince(m.Metadata, since)
	}, func(m *AppMirror) string { return m.ID })
}

// addWaitError reports a wait that ended early (apierr.AddWaitError). When
// Terraform was interrupted the apply ends with a warning, and Terraform
// holds a result without error to the plan: the state then keeps the
// planned state, state_desired and reversed (the other attributes are the
// API's), the next refresh reads the real ones, and the next plan resumes
// the unfinished transition in place.
func (r *appMirrorResource) addWaitError(ctx context.Context, set func(context.Context, any) diag.Diagnostics, diags *diag.Diagnostics,
	phase apierr.Phase, action string, current, planned appMirrorResourceModel, err error,
) {
	if apierr.Interrupted(err) && phase != apierr.PhaseDelete {
		current.State, current.StateDesired, current.Reversed = planned.State, planned.StateDesired, planned.Reversed
		diags.Append(set(ctx, &current)...)
	}
	apierr.AddWaitError(diags, phase, action, appMirrorTypeName, current.ID.ValueString(), err)
}

func (r *appMirrorResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state appMirrorResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	live, err := r.client.GetAppMirror(ctx, id)
	if apierr.IsNotFound(err) {
		apierr.RemoveGone(ctx, resp, apierr.Gone{TypeName: appMirrorTypeName, ID: id, Service: serviceName})
		return
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", appMirrorTypeName, id, err)
		return
	}
	// A relationship being deleted stays in the state, deleting: a destroy
	// that was interrupted resumes waiting, and a plan replaces it (see
	// ModifyPlan).
	reversed := direction(state, live, &resp.Diagnostics)
	if state.SourceAppID.IsNull() && state.DestinationAppID.IsNull() {
		// A plain import: which app is the one replicated?
		reversed = r.createdReversed(ctx, live)
	}
	state.fromAPI(live, reversed, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *appMirrorResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state appMirrorResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, appMirrorUpdateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	// A transition under way (started elsewhere, or by an apply that was
	// interrupted or timed out) must end before another can start; when it
	// is the one planned, waiting for it is the whole update.
	live, err := r.waitSettled(ctx, id)
	if err != nil {
		r.addWaitError(ctx, resp.State.Set, &resp.Diagnostics, apierr.PhaseUpdate, "waiting for a stable state of", state, plan, err)
		return
	}
	want, wantReversed := plan.StateDesired.ValueString(), plan.Reversed.ValueBool()
	var (
		update *AppMirrorUpdate
		source string // the API's source app once the update is done
		what   string
	)
	switch {
	case wantReversed != state.isReversed(live):
		if want != MirrorEstablished {
			resp.Diagnostics.AddAttributeError(path.Root("reversed"), "Reverse needs state_desired \"established\"",
				"A reverse ends in state \"established\"; set state_desired = \"established\" to reverse.")
			return
		}
		u := ReverseUpdate(live)
		update, source, what = &u, live.DestinationAppID, "reversing"
	case want != live.State && want == MirrorFailedOver:
		u := FailoverUpdate()
		update, source, what = &u, live.SourceAppID, "failing over"
	case want != live.State:
		u := ResyncUpdate(live)
		update, source, what = &u, live.SourceAppID, "resynchronizing"
	}
	if update != nil {
		tflog.Info(ctx, what+" AppMirror", map[string]any{"id": id, "from": live.State, "to": want})
		if err := r.client.UpdateAppMirror(ctx, id, *update); err != nil {
			addAppMirrorError(&resp.Diagnostics, what, state, err)
			return
		}
		from := live
		live, err = r.waitFor(ctx, id, want, source, live.State)
		if err != nil {
			current := state
			if live == nil {
				live = from
			}
			current.fromAPI(live, state.isReversed(live), &resp.Diagnostics)
			r.addWaitError(ctx, resp.State.Set, &resp.Diagnostics, apierr.PhaseUpdate, "waiting after "+what, current, plan, err)
			return
		}
	}
	plan.ID = state.ID
	plan.DestinationAppID = state.DestinationAppID
	plan.fromAPI(live, state.isReversed(live), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *appMirrorResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state appMirrorResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, appMirrorDeleteTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	err := r.client.DeleteAppMirror(ctx, id)
	if apierr.IsNotFound(err) {
		return
	}
	if err != nil && !r.deleting(ctx, id, err) {
		addAppMirrorError(&resp.Diagnostics, "deleting", state, err)
		return
	}
	if err := r.waitDeleted(ctx, id); err != nil {
		apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "waiting for the deletion of", appMirrorTypeName, id, err)
	}
}

// deleting reports whether a refused DELETE (a 409: a server may refuse
// to delete what it is deleting already) found the relationship being
// deleted, as after an interrupted destroy: then the deletion only needs
// waiting for.
func (r *appMirrorResource) deleting(ctx context.Context, id string, err error) bool {
	if apierr.StatusCode(err) != http.StatusConflict {
		return false
	}
	live, gerr := r.client.GetAppMirror(ctx, id)
	return gerr == nil && (live.State == MirrorDeleting || live.StateDesired == MirrorDeleted)
}

// ImportState takes "<appMirror_id>" or "<appMirror_id>,<source_app_id>".
// With the app, reversed says whether the relationship now runs from that
// app (false) or towards it (true); without it, Read tells the replicated
// app from the one created for the relationship by their creation times
// (createdReversed).
func (r *appMirrorResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, source, withSource := strings.Cut(req.ID, ",")
	id, source = strings.TrimSpace(id), strings.TrimSpace(source)
	if !astraIDPattern.MatchString(id) || (withSource && !astraIDPattern.MatchString(source)) {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Expected \"<appMirror_id>\" or \"<appMirror_id>,<source_app_id>\" (lowercase UUIDs), got %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	if !withSource {
		return
	}
	live, err := r.client.GetAppMirror(ctx, id)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "importing", appMirrorTypeName, id, err)
		return
	}
	if source != live.SourceAppID && source != live.DestinationAppID {
		resp.Diagnostics.AddError("App not in the relationship",
			fmt.Sprintf("App %s is neither the source (%s) nor the destination (%s) of AppMirror %s.", source, live.SourceAppID, live.DestinationAppID, id))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("source_app_id"), source)...)
}

// addAppMirrorError reports an API error with advice specific to AppMirror,
// naming the relationship m by its ID or, before it has one, by the app it
// replicates.
func addAppMirrorError(diags *diag.Diagnostics, action string, m appMirrorResourceModel, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case e.Code == "problem 150":
			e.Hint = "Astra Control cannot replicate this app: AppMirror needs an app whose volumes use a single storage class, " +
				"on ONTAP storage managed by Astra Trident. Check the app in the Astra UI."
		case e.StatusCode == http.StatusConflict && fieldNamed(e, "sourceAppID"):
			e.Hint = "An app can be in one replication relationship only. Bring the existing relationship under Terraform with " +
				"`terraform import " + appMirrorTypeName + ".<name> <appMirror_id>`, or delete it first."
		case e.StatusCode == http.StatusConflict && fieldNamed(e, "stateDesired"):
			e.Hint = "The relationship's state does not allow this change now (it may be changing outside Terraform). " +
				"Run terraform apply again once it is established or failed over."
		case e.StatusCode == http.StatusBadRequest:
			e.Hint = "Astra Control refused the relationship as described; the fields it names map to source_app_id, " +
				"destination_cluster_id, namespace_mapping and storage_classes."
		}
	}
	typeName, id := appMirrorTypeName, m.ID.ValueString()
	if id == "" {
		typeName, id = appMirrorTypeName+" for source app", m.SourceAppID.ValueString()
	}
	apierr.AddError(diags, action, typeName, id, err)
}
