package astra

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/adopt"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const snapshotTypeName = "continuity_astra_snapshot"

// Default bounds of a snapshot's operations: a snapshot of a large app runs
// its hooks and waits for every volume's snapshot.
const (
	snapshotCreateTimeout = 30 * time.Minute
	snapshotUpdateTimeout = 30 * time.Minute
	snapshotDeleteTimeout = 15 * time.Minute
)

var (
	_ resource.ResourceWithConfigure   = (*snapshotResource)(nil)
	_ resource.ResourceWithImportState = (*snapshotResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*snapshotResource)(nil)
)

// NewSnapshotResource returns the continuity_astra_snapshot resource.
func NewSnapshotResource() resource.Resource { return &snapshotResource{} }

type snapshotResource struct{ client *Client }

func (r *snapshotResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = snapshotTypeName
}

func (r *snapshotResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An on-demand snapshot of an Astra Control app, taken when the resource is created and waited on until " +
			"`completed` (the app's pre- and post-snapshot execution hooks run around it). A snapshot cannot be changed: every " +
			"attribute replaces it. Restore it into a new app with `continuity_astra_app`'s `snapshot_id`, in place with its " +
			"`in_place_restore`, or keep it in a bucket with `continuity_astra_backup`'s `snapshot_id`.\n\n" +
			"Astra Control takes one snapshot of an app at a time: a snapshot (or a backup) of an app whose snapshot is under way " +
			"is refused, and the provider waits for the one under way to end before it asks again. A snapshot that a backup under " +
			"way uses cannot be deleted: the destroy waits for the backup to end.\n\n" +
			"**Lost answers.** Snapshot names are unique within an app: when the answer to a create is lost, the provider adopts " +
			"the app's snapshot of this `name` created since its request. **Interruptions and timeouts.** A snapshot found under " +
			"way (an interrupted apply, an untaint) is waited for in place by the next apply; one that failed, or was deleted " +
			"or removed outside Terraform, is replaced. A create that times out leaves the snapshot in the state, tainted." + timeoutsNote(snapshotCreateTimeout, snapshotUpdateTimeout, snapshotDeleteTimeout),
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The snapshot's ID.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"app_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the managed app (see `continuity_astra_app`).",
				Validators:          []validator.String{astraIDValidator("a managed app")},
				PlanModifiers:       replace,
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name, unique among the app's snapshots: a DNS-1123 label of 1 to 63 characters.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 63), dns1123Validator},
				PlanModifiers:       replace,
			},
			"bucket_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Bucket to keep the snapshot in, on clusters with Astra Control's `neptuneV1` capability only (others " +
					"keep snapshots on the cluster and refuse it, problem 177, as the sandbox's clusters do).",
				Validators:    []validator.String{astraIDValidator("a bucket")},
				PlanModifiers: replace,
			},
			"state": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`completed` after an apply; `pending` or `running` while it is taken, `failed`, `removed` or `deleting`.",
			},
			"state_unready": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "Why the snapshot failed or is not ready, as the API explains it.",
			},
			"hook_state": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "`success` when every execution hook that applied ran well (none included), `failed` when one failed " +
					"(hook failures do not fail the snapshot); null until the snapshot ends.",
			},
			"created_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the snapshot was requested (UTC).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *snapshotResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan plans the state an apply ends in: a snapshot under way is
// waited for in place, one that cannot come back is replaced.
func (r *snapshotResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan snapshotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !req.State.Raw.IsNull() {
		var state snapshotModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		switch planFor(state.State) {
		case planAsIs:
			if req.Plan.Raw.Equal(req.State.Raw) {
				return
			}
		case planResume:
			plan.StateUnready, plan.HookState = types.ListUnknown(types.StringType), types.StringUnknown()
		case planReplace:
			resp.RequiresReplace = append(resp.RequiresReplace, path.Root("state"))
		}
	}
	plan.State = types.StringValue(SnapshotCompleted)
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// waiter returns the waits of the snapshot id of appID.
func (r *snapshotResource) waiter(appID, id string) protectionWait[*Snapshot] {
	return protectionWait[*Snapshot]{
		what:    "snapshot",
		get:     func(ctx context.Context) (*Snapshot, error) { return r.client.GetSnapshot(ctx, appID, id) },
		state:   func(s *Snapshot) string { return s.State },
		message: (*Snapshot).Message,
	}
}

func (r *snapshotResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan snapshotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, snapshotCreateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	appID, name, bucketID := plan.AppID.ValueString(), plan.Name.ValueString(), plan.BucketID.ValueString()
	var created *Snapshot
	err := whenFree(ctx, freeConf{
		Operation: fmt.Sprintf("snapshot %q of app %s", name, appID),
		Kind:      "astra.snapshot.queue",
		Problems:  []string{problemSnapshotRunning},
		Busy:      func(ctx context.Context) (bool, string, error) { return r.client.protectionBusy(ctx, appID) },
		Do: func(ctx context.Context) error {
			var adopted bool
			var err error
			created, adopted, err = adopt.Create[*Snapshot]{
				Operation: fmt.Sprintf("snapshot %q of app %s", name, appID),
				Create: func(ctx context.Context) (*Snapshot, error) {
					return r.client.CreateSnapshot(ctx, appID, name, bucketID)
				},
				Find: func(ctx context.Context, since time.Time) (*Snapshot, bool, error) {
					found, err := r.client.ListSnapshots(ctx, appID)
					if err != nil {
						return nil, false, err
					}
					return adoptFound(fmt.Sprintf("snapshot %q of app %s", name, appID), found,
						func(s *Snapshot) bool { return s.Name == name && createdSince(s.Metadata, since) }, func(s *Snapshot) string { return s.ID })
				},
			}.Do(ctx)
			if err == nil {
				tflog.Info(ctx, "created snapshot", map[string]any{"app_id": appID, "id": created.ID, "adopted": adopted})
			}
			return err
		},
	})
	if err != nil {
		if waitEnded(err) {
			apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseCreate, "waiting to take", snapshotTypeName, appID+"/"+name, err)
			return
		}
		addSnapshotError(&resp.Diagnostics, "creating", appID+"/"+name, err)
		return
	}
	planned := plan
	plan.fromAPI(appID, created)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.wait(ctx, &resp.State, &resp.Diagnostics, apierr.PhaseCreate, plan, planned)
}

// wait waits until the snapshot of m is completed and saves it; a wait
// that ends early is reported with its phase (after an interruption the
// state keeps the planned state, and the next plan resumes in place).
func (r *snapshotResource) wait(ctx context.Context, st interface {
	Set(context.Context, any) diag.Diagnostics
}, diags *diag.Diagnostics, phase apierr.Phase, m, planned snapshotModel,
) {
	appID, id := m.AppID.ValueString(), m.ID.ValueString()
	live, err := r.waiter(appID, id).completed(ctx, id, "astra.snapshot.create")
	if live != nil {
		m.fromAPI(appID, live)
	}
	if err != nil && apierr.Interrupted(err) {
		m.State = planned.State
	}
	diags.Append(st.Set(ctx, &m)...)
	if err != nil {
		apierr.AddWaitError(diags, phase, "waiting for", snapshotTypeName, appID+"/"+id, err)
	}
}

func (r *snapshotResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state snapshotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	appID, id := state.AppID.ValueString(), state.ID.ValueString()
	s, err := r.client.GetSnapshot(ctx, appID, id)
	if apierr.IsNotFound(err) {
		apierr.RemoveGone(ctx, resp, apierr.Gone{TypeName: snapshotTypeName, ID: appID + "/" + id, Service: serviceName,
			Why: "no longer exists in Astra Control (or its app is no longer managed)"})
		return
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", snapshotTypeName, appID+"/"+id, err)
		return
	}
	state.fromAPI(appID, s)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update only waits: nothing of a snapshot changes, and a plan updates one
// only to resume the wait for a snapshot under way (or for new timeouts).
func (r *snapshotResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state snapshotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, snapshotUpdateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	planned := plan
	plan.ID, plan.CreatedAt = state.ID, state.CreatedAt
	r.wait(ctx, &resp.State, &resp.Diagnostics, apierr.PhaseUpdate, plan, planned)
}

func (r *snapshotResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state snapshotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, snapshotDeleteTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	appID, id := state.AppID.ValueString(), state.ID.ValueString()
	err := whenFree(ctx, freeConf{
		Operation: "deleting snapshot " + appID + "/" + id,
		Kind:      "astra.snapshot.delete_queue",
		Problems:  []string{problemSnapshotInUse},
		Busy:      func(ctx context.Context) (bool, string, error) { return r.client.backupsBusy(ctx, appID, id) },
		Do:        func(ctx context.Context) error { return r.client.DeleteSnapshot(ctx, appID, id) },
	})
	if apierr.IsNotFound(err) {
		return
	}
	if err != nil {
		if waitEnded(err) {
			apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "waiting to delete", snapshotTypeName, appID+"/"+id, err)
		} else {
			addSnapshotError(&resp.Diagnostics, "deleting", appID+"/"+id, err)
		}
		return
	}
	if err := r.waiter(appID, id).gone(ctx, id, "astra.snapshot.delete"); err != nil {
		apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "waiting for the deletion of", snapshotTypeName, appID+"/"+id, err)
	}
}

func (r *snapshotResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importAppScoped(ctx, snapshotTypeName, "snapshot", req, resp)
}

// addSnapshotError reports an API error with advice specific to snapshots.
func addSnapshotError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case e.Code == "problem 149":
			e.Hint = "Astra Control takes snapshots of a ready app only, and not of the destination of an AppMirror relationship " +
				"that is not failed over (snapshot the source app: replication copies its snapshots)."
		case e.Code == "problem 176":
			e.Hint = "The app has a snapshot of this name already: choose another name, or bring it under Terraform with " +
				"`terraform import " + snapshotTypeName + ".<name> <app_id>/<snapshot_id>`."
		case e.Code == "problem 177":
			e.Hint = "This cluster keeps snapshots on the cluster (it lacks the neptuneV1 capability): remove bucket_id, and " +
				"use continuity_astra_backup to copy the snapshot to a bucket."
		case e.StatusCode == http.StatusForbidden && action == "deleting":
			e.Hint = "An app is being restored from this snapshot; apply again once the restore has ended."
		case e.StatusCode == http.StatusNotFound && e.Code == "problem 2":
			e.Hint = "The app named by app_id is not managed by this Astra account; check the ID."
		}
	}
	apierr.AddError(diags, action, snapshotTypeName, id, err)
}
