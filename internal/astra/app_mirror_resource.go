package astra

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
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
	// uuidRe matches the IDs of the API (type_astra_identifier is a subset).
	uuidRe = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	// dns1123Re is the API's type_dns_1123, the form of namespace names.
	dns1123Re = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
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

func uuidValidator(what string) validator.String {
	return stringvalidator.RegexMatches(uuidRe, "must be the ID of "+what+" (a lowercase UUID)")
}

func roleAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true,
		MarkdownDescription: "`source` or `destination`: the side of the configured replication this entry is for. Required when " +
			"the source and destination clusters are the same; otherwise `cluster_id` says it. Like every attribute, it keeps " +
			"its configured meaning after a reverse.",
		Validators: []validator.String{stringvalidator.OneOf("source", "destination")},
	}
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
			"Terraform (in the Astra UI, say) shows as a change in plan.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The AppMirror's ID.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"source_app_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the managed app to replicate (see the `continuity_astra_app` data source). Changing it replaces the relationship.",
				Validators:          []validator.String{uuidValidator("a managed app")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"destination_cluster_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "ID of the managed cluster that hosts the destination app (see the `continuity_astra_managed_cluster` " +
					"data source). It may be the source app's cluster, with `namespace_mapping` roles. Changing it replaces the relationship.",
				Validators:    []validator.String{uuidValidator("a managed cluster")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"namespace_mapping": schema.ListNestedAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Namespaces of the app on each cluster, at most one entry per cluster (per role within one cluster); " +
					"the namespaces of the two entries are paired by position. Without it, the destination app uses the source app's " +
					"namespace names. Used when the relationship is created: changing it replaces the relationship.",
				Validators: []validator.List{listvalidator.SizeBetween(1, 2)},
				PlanModifiers: []planmodifier.List{
					listplanmodifier.UseStateForUnknown(),
					listplanmodifier.RequiresReplace(),
				},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"cluster_id": schema.StringAttribute{
						Required:            true,
						MarkdownDescription: "The source app's cluster or the destination cluster.",
						Validators:          []validator.String{uuidValidator("a managed cluster")},
					},
					"namespaces": schema.ListAttribute{
						Required:            true,
						ElementType:         types.StringType,
						MarkdownDescription: "Namespace names (DNS-1123 labels, 1 to 63 characters), unique.",
						Validators: []validator.List{
							listvalidator.SizeAtLeast(1),
							listvalidator.UniqueValues(),
							listvalidator.ValueStringsAre(
								stringvalidator.LengthBetween(1, 63),
								stringvalidator.RegexMatches(dns1123Re, "must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit"),
							),
						},
					},
					"role": roleAttribute(),
				}},
			},
			"storage_classes": schema.ListNestedAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Storage class for the new volumes on each cluster, at most one entry per cluster (per role within " +
					"one cluster); a cluster without an entry uses its default storage class (see the `continuity_astra_storage_classes` " +
					"data source). Used when the relationship is created: changing it replaces the relationship.",
				Validators: []validator.List{listvalidator.SizeBetween(1, 2)},
				PlanModifiers: []planmodifier.List{
					listplanmodifier.UseStateForUnknown(),
					listplanmodifier.RequiresReplace(),
				},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"cluster_id": schema.StringAttribute{
						Required:            true,
						MarkdownDescription: "The source app's cluster or the destination cluster.",
						Validators:          []validator.String{uuidValidator("a managed cluster")},
					},
					"storage_class_name": schema.StringAttribute{
						Required:            true,
						MarkdownDescription: "Kubernetes name of the storage class (not its Astra ID), 1 to 255 characters.",
						Validators:          []validator.String{stringvalidator.LengthBetween(1, 255)},
					},
					"role": roleAttribute(),
				}},
			},
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

func (r *appMirrorResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ValidateConfig checks what the mappings say without the API: two entries
// for one cluster (a relationship within one cluster) need distinct roles,
// and two namespace lists are paired by position, so they must be as long.
func (r *appMirrorResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config appMirrorResourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	type entry struct {
		ClusterID, Role types.String
		Count           int // namespaces; -1 when unknown
	}
	check := func(attrName string, entries []entry) {
		if len(entries) != 2 || entries[0].ClusterID.IsUnknown() || entries[1].ClusterID.IsUnknown() ||
			entries[0].ClusterID.ValueString() != entries[1].ClusterID.ValueString() {
			return
		}
		r0, r1 := entries[0].Role, entries[1].Role
		if r0.IsUnknown() || r1.IsUnknown() {
			return
		}
		if r0.IsNull() || r1.IsNull() || r0.ValueString() == r1.ValueString() {
			resp.Diagnostics.AddAttributeError(path.Root(attrName), "Roles required for a relationship within one cluster",
				fmt.Sprintf("Both %s entries name cluster %s, so each needs a role: one \"source\" and one \"destination\".",
					attrName, entries[0].ClusterID.ValueString()))
		}
	}
	if !config.NamespaceMapping.IsNull() && !config.NamespaceMapping.IsUnknown() {
		var raw []struct {
			ClusterID  types.String `tfsdk:"cluster_id"`
			Namespaces types.List   `tfsdk:"namespaces"`
			Role       types.String `tfsdk:"role"`
		}
		resp.Diagnostics.Append(config.NamespaceMapping.ElementsAs(ctx, &raw, false)...)
		entries := make([]entry, len(raw))
		for i, e := range raw {
			entries[i] = entry{ClusterID: e.ClusterID, Role: e.Role, Count: -1}
			if !e.Namespaces.IsUnknown() && !e.Namespaces.IsNull() {
				entries[i].Count = len(e.Namespaces.Elements())
			}
		}
		check("namespace_mapping", entries)
		if len(entries) == 2 && entries[0].Count >= 0 && entries[1].Count >= 0 && entries[0].Count != entries[1].Count {
			resp.Diagnostics.AddAttributeError(path.Root("namespace_mapping"), "Namespace lists of different lengths",
				fmt.Sprintf("The namespaces of the two namespace_mapping entries are paired by position, so both must list as many "+
					"namespaces (one for each namespace of the source app); they list %d and %d.", entries[0].Count, entries[1].Count))
		}
	}
	if !config.StorageClasses.IsNull() && !config.StorageClasses.IsUnknown() {
		var raw []struct {
			ClusterID        types.String `tfsdk:"cluster_id"`
			StorageClassName types.String `tfsdk:"storage_class_name"`
			Role             types.String `tfsdk:"role"`
		}
		resp.Diagnostics.Append(config.StorageClasses.ElementsAs(ctx, &raw, false)...)
		entries := make([]entry, len(raw))
		for i, e := range raw {
			entries[i] = entry{ClusterID: e.ClusterID, Role: e.Role}
		}
		check("storage_classes", entries)
	}
}

// ModifyPlan refuses the changes the API cannot make in one step, and
// plans the state an update ends in.
func (r *appMirrorResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var plan appMirrorResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	desired, reversed := plan.StateDesired, plan.Reversed
	if req.State.Raw.IsNull() || len(resp.RequiresReplace) > 0 {
		if !desired.IsUnknown() && desired.ValueString() != MirrorEstablished {
			resp.Diagnostics.AddAttributeError(path.Root("state_desired"), "A relationship cannot be created failed over",
				"Astra Control creates AppMirror relationships in state \"established\" only. Create it with state_desired = "+
					"\"established\" (the default), apply, and then set state_desired = \"failedOver\" to fail over.")
		}
		if !reversed.IsUnknown() && reversed.ValueBool() {
			resp.Diagnostics.AddAttributeError(path.Root("reversed"), "A relationship cannot be created reversed",
				"A new relationship replicates from source_app_id to the app it creates on destination_cluster_id; there is "+
					"nothing to reverse yet. Create it with reversed = false (the default), apply, and then set reversed = true.")
		}
		if !desired.IsUnknown() {
			plan.State = desired
		}
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
		return
	}
	if req.Plan.Raw.Equal(req.State.Raw) {
		return
	}
	var state appMirrorResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || desired.IsUnknown() || reversed.IsUnknown() {
		return
	}
	if reversed.ValueBool() != state.Reversed.ValueBool() && desired.ValueString() == MirrorFailedOver {
		from := "established"
		if state.StateDesired.ValueString() == MirrorFailedOver {
			from = "failed over"
		}
		resp.Diagnostics.AddAttributeError(path.Root("reversed"), "Reverse and failover cannot be done in one step",
			fmt.Sprintf("The relationship is %s. Changing reversed reverses the replication, which ends in state \"established\"; "+
				"a failover is a separate operation. Apply the change of reversed first with state_desired = \"established\", "+
				"then set state_desired = \"failedOver\" and apply again.", from))
		return
	}
	plan.State = desired
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
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
	created, err := r.client.CreateAppMirror(ctx, in)
	if err != nil {
		addAppMirrorError(&resp.Diagnostics, "creating", fmt.Sprintf("for source app %q", plan.SourceAppID.ValueString()), err)
		return
	}
	tflog.Info(ctx, "created AppMirror", map[string]any{"id": created.ID, "state": created.State})
	// The ID goes into the state before the wait: a failed wait leaves a
	// tainted resource, not an untracked relationship.
	plan.fromAPI(created, false, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	live, err := r.waitFor(ctx, created.ID, MirrorEstablished, created.SourceAppID, MirrorEstablishing)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "waiting for the establishment of", appMirrorTypeName, created.ID, err)
		return
	}
	plan.fromAPI(live, false, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
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
		resp.Diagnostics.AddWarning("AppMirror not found",
			fmt.Sprintf("%s %q no longer exists in Astra Control; it was removed from the state and will be planned for creation.", appMirrorTypeName, id))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", appMirrorTypeName, id, err)
		return
	}
	if live.State == MirrorDeleting || live.StateDesired == MirrorDeleted {
		resp.Diagnostics.AddWarning("AppMirror being deleted",
			fmt.Sprintf("%s %q is being deleted in Astra Control; it was removed from the state. Its source app can be "+
				"replicated again once the deletion ends.", appMirrorTypeName, id))
		resp.State.RemoveResource(ctx)
		return
	}
	reversed := direction(state, live, &resp.Diagnostics)
	if state.SourceAppID.IsNull() && state.DestinationAppID.IsNull() {
		// A plain import: which app is the one replicated?
		reversed = r.createdReversed(ctx, live)
	}
	state.fromAPI(live, reversed, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// direction tells whether live runs in the configured direction or
// reversed. With a known destination app, the IDs tell. Without one (after
// an import, or a creation whose wait failed) source_app_id tells; after a
// plain import it is unknown (see createdReversed).
func direction(state appMirrorResourceModel, live *AppMirror, diags interface{ AddWarning(string, string) }) bool {
	src := state.SourceAppID.ValueString()
	if state.DestinationAppID.ValueString() != "" {
		switch {
		case state.isReversed(live):
			return true
		case live.SourceAppID == src:
			return false
		}
		diags.AddWarning("AppMirror apps changed",
			fmt.Sprintf("%s %q now replicates app %s to app %s, neither of which is the configured pair (%s, %s); the state "+
				"takes the API's apps, and the plan shows the difference.", appMirrorTypeName, live.ID, live.SourceAppID,
				live.DestinationAppID, src, state.DestinationAppID.ValueString()))
		return false
	}
	return src != "" && src != live.SourceAppID && src == live.DestinationAppID
}

// createdReversed tells, after an import by ID alone, whether live runs
// towards the app it was created to replicate: Astra Control creates the
// destination app when the relationship is created, while the replicated
// app existed before. So when the API's current source app was created no
// earlier than the relationship and its destination app before it, the
// relationship was reversed, and source_app_id is its destination app.
// When the timestamps are missing or say nothing clear, the current
// direction is taken as the configured one.
func (r *appMirrorResource) createdReversed(ctx context.Context, live *AppMirror) bool {
	if live.Metadata == nil || live.DestinationAppID == "" {
		return false
	}
	created, ok := parseTimestamp(live.Metadata.CreationTimestamp)
	if !ok {
		return false
	}
	appCreated := func(id string) (time.Time, bool) {
		a, err := r.client.GetApp(ctx, id)
		if err != nil || a.Metadata == nil {
			tflog.Debug(ctx, "import: cannot read the creation time of an app", map[string]any{"app": id, "error": fmt.Sprint(err)})
			return time.Time{}, false
		}
		return parseTimestamp(a.Metadata.CreationTimestamp)
	}
	src, okSrc := appCreated(live.SourceAppID)
	dest, okDest := appCreated(live.DestinationAppID)
	reversed := okSrc && okDest && !src.Before(created) && dest.Before(created)
	tflog.Info(ctx, "import: direction of the AppMirror from creation times", map[string]any{"id": live.ID, "reversed": reversed})
	return reversed
}

// parseTimestamp parses a type_astra_time.
func parseTimestamp(s string) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339Nano, s)
	return t, err == nil
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
	// A transition started elsewhere must end before another can start.
	live, err := r.waitSettled(ctx, id)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "waiting for a stable state of", appMirrorTypeName, id, err)
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
			addAppMirrorError(&resp.Diagnostics, what, fmt.Sprintf("%q", id), err)
			return
		}
		live, err = r.waitFor(ctx, id, want, source, live.State)
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "waiting after "+what, appMirrorTypeName, id, err)
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
	if err != nil {
		addAppMirrorError(&resp.Diagnostics, "deleting", fmt.Sprintf("%q", id), err)
		return
	}
	_, err = wait.Conf[*AppMirror]{
		Operation: "AppMirror " + id + " to be deleted",
		// A server may show the former state for a moment after the DELETE.
		Pending:  []string{MirrorDeleting, MirrorEstablishing, MirrorEstablished, MirrorFailingOver, MirrorFailedOver},
		NotFound: wait.NotFoundIsSuccess,
		Refresh:  r.refresh(id),
		Message:  (*AppMirror).Message,
	}.Wait(ctx)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "waiting for the deletion of", appMirrorTypeName, id, err)
	}
}

// ImportState takes "<appMirror_id>" or "<appMirror_id>,<source_app_id>".
// With the app, reversed says whether the relationship now runs from that
// app (false) or towards it (true); without it, Read tells the replicated
// app from the one created for the relationship by their creation times
// (createdReversed).
func (r *appMirrorResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, source, withSource := strings.Cut(req.ID, ",")
	id, source = strings.TrimSpace(id), strings.TrimSpace(source)
	if !uuidRe.MatchString(id) || (withSource && !uuidRe.MatchString(source)) {
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

// refresh reads the relationship for a waiter.
func (r *appMirrorResource) refresh(id string) wait.RefreshFunc[*AppMirror] {
	return func(ctx context.Context) (*AppMirror, string, error) {
		m, err := r.client.GetAppMirror(ctx, id)
		if err != nil {
			return nil, "", err
		}
		return m, m.State, nil
	}
}

// waitSettled waits until the relationship is established or failed over.
func (r *appMirrorResource) waitSettled(ctx context.Context, id string) (*AppMirror, error) {
	return wait.Conf[*AppMirror]{
		Operation: "AppMirror " + id + " to be established or failed over",
		Pending:   []string{MirrorEstablishing, MirrorFailingOver},
		Target:    []string{MirrorEstablished, MirrorFailedOver},
		Refresh:   r.refresh(id),
		Message:   (*AppMirror).Message,
	}.Wait(ctx)
}

// Pseudo-states of waitFor: the server has not shown the requested change yet.
const (
	pendingRequested = "requested"
	pendingSwap      = "swapping"
)

// waitFor waits until the relationship is in state target with source as
// its source app. A server may show the state from before the request
// (from) for a moment, or the old direction: both count as pending.
func (r *appMirrorResource) waitFor(ctx context.Context, id, target, source, from string) (*AppMirror, error) {
	refresh := r.refresh(id)
	return wait.Conf[*AppMirror]{
		Operation: fmt.Sprintf("AppMirror %s to be %s", id, target),
		Pending:   []string{MirrorEstablishing, MirrorFailingOver, pendingRequested, pendingSwap},
		Target:    []string{target},
		Failure:   []string{MirrorDeleting},
		Refresh: func(ctx context.Context) (*AppMirror, string, error) {
			m, state, err := refresh(ctx)
			switch {
			case err != nil:
				return m, state, err
			case source != "" && m.SourceAppID != source:
				return m, pendingSwap, nil
			case state == from && from != target:
				return m, pendingRequested, nil
			}
			return m, state, nil
		},
		Message: (*AppMirror).Message,
	}.Wait(ctx)
}

// addAppMirrorError reports an API error with advice specific to AppMirror;
// subject names the relationship (its quoted ID, or the app it is for).
func addAppMirrorError(diags interface{ AddError(string, string) }, action, subject string, err error) {
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
	diags.AddError(fmt.Sprintf("Error %s %s %s", action, appMirrorTypeName, subject), apierr.Detail(err))
}

// fieldNamed reports whether the API error names the field, or a field
// below it ("namespaceMapping[0].role" is below "namespaceMapping").
func fieldNamed(e *apierr.Error, name string) bool {
	for _, f := range e.Fields {
		if f.Name == name || strings.HasPrefix(f.Name, name+"[") || strings.HasPrefix(f.Name, name+".") {
			return true
		}
	}
	return false
}
