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

const backupTypeName = "continuity_astra_backup"

// Default bounds of a backup's operations: a backup copies the app's data
// to the bucket.
const (
	backupCreateTimeout = 120 * time.Minute
	backupUpdateTimeout = 120 * time.Minute
	backupDeleteTimeout = 30 * time.Minute
)

var (
	_ resource.ResourceWithConfigure   = (*backupResource)(nil)
	_ resource.ResourceWithImportState = (*backupResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*backupResource)(nil)
)

// NewBackupResource returns the continuity_astra_backup resource.
func NewBackupResource() resource.Resource { return &backupResource{} }

type backupResource struct{ client *Client }

func (r *backupResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = backupTypeName
}

func (r *backupResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	chosen := []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplaceIfConfigured()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An on-demand backup of an Astra Control app: a copy of its resources and data in a bucket, taken when " +
			"the resource is created and waited on until `completed` (the app's pre- and post-backup execution hooks run around it, " +
			"and the snapshot hooks too when the backup takes its own snapshot). Take one before a risky change, restore it into a " +
			"new app with `continuity_astra_app`'s `backup_id` (a drill, or a recovery on another cluster), or in place with its " +
			"`in_place_restore`. A backup cannot be changed: every attribute replaces it.\n\n" +
			"A backup is kept in its bucket: one that Astra Control reports `removed` (its bucket was deleted) is replaced by the " +
			"next apply. A backup cannot start while a snapshot of its app is being taken, nor be deleted while it is `pending`: " +
			"the provider waits for the way to be free, within the timeout.\n\n" +
			"**Lost answers.** Backup names are unique within an app: when the answer to a create is lost, the provider adopts " +
			"the app's backup of this `name` created since its request. **Interruptions and timeouts.** A backup found under way " +
			"is waited for in place by the next apply; a create that times out leaves the backup in the state, tainted." + timeoutsNote(backupCreateTimeout, backupUpdateTimeout, backupDeleteTimeout),
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The backup's ID.",
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
				MarkdownDescription: "Name, unique among the app's backups: a DNS-1123 label of 1 to 63 characters.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 63), dns1123Validator},
				PlanModifiers:       replace,
			},
			"bucket_id": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "ID of the bucket to keep the backup in (see `continuity_astra_bucket`); unset, the account's default bucket (its first).",
				Validators:          []validator.String{astraIDValidator("a bucket")},
				PlanModifiers:       chosen,
			},
			"snapshot_id": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "ID of a completed snapshot of the app to copy (see `continuity_astra_snapshot`); unset, the backup " +
					"takes a snapshot of its own, and this is its ID.",
				Validators:    []validator.String{astraIDValidator("a snapshot")},
				PlanModifiers: chosen,
			},
			"state": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`completed` after an apply; `pending` or `running` while it is taken, `failed`, `removed` (its bucket is gone) or `deleting`.",
			},
			"state_unready": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "Why the backup failed or is not ready, as the API explains it.",
			},
			"hook_state": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`success` or `failed`: how the execution hooks that applied ran (hook failures do not fail the backup).",
			},
			"total_bytes": schema.Int64Attribute{
				Computed:            true,
				MarkdownDescription: "The backup's size in bytes (`totalBytes`).",
			},
			"completed_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the backup was taken (UTC), once completed.",
			},
			"created_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the backup was requested (UTC).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *backupResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan plans the state an apply ends in: a backup under way is
// waited for in place, one that cannot come back is replaced.
func (r *backupResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan backupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !req.State.Raw.IsNull() {
		var state backupModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		switch planFor(state.State) {
		case planAsIs:
			if req.Plan.Raw.Equal(req.State.Raw) {
				return
			}
		case planResume:
			plan.StateUnready, plan.HookState = types.ListUnknown(types.StringType), types.StringUnknown()
			plan.TotalBytes, plan.CompletedAt = types.Int64Unknown(), types.StringUnknown()
		case planReplace:
			resp.RequiresReplace = append(resp.RequiresReplace, path.Root("state"))
		}
	}
	plan.State = types.StringValue(BackupCompleted)
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// waiter returns the waits of the backup id of appID.
func (r *backupResource) waiter(appID, id string) protectionWait[*Backup] {
	return protectionWait[*Backup]{
		what:    "backup",
		get:     func(ctx context.Context) (*Backup, error) { return r.client.GetBackup(ctx, appID, id) },
		state:   func(b *Backup) string { return b.State },
		message: (*Backup).Message,
	}
}

func (r *backupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan backupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, backupCreateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	appID := plan.AppID.ValueString()
	in := BackupInput{Name: plan.Name.ValueString()}
	if !plan.BucketID.IsUnknown() {
		in.BucketID = plan.BucketID.ValueString()
	}
	if !plan.SnapshotID.IsUnknown() {
		in.SnapshotID = plan.SnapshotID.ValueString()
	}
	var created *Backup
	err := whenFree(ctx, freeConf{
		Operation: fmt.Sprintf("backup %q of app %s", in.Name, appID),
		Kind:      "astra.backup.queue",
		Problems:  []string{problemSnapshotRunning},
		Busy:      func(ctx context.Context) (bool, string, error) { return r.client.protectionBusy(ctx, appID) },
		Do: func(ctx context.Context) error {
			var adopted bool
			var err error
			created, adopted, err = adopt.Create[*Backup]{
				Operation: fmt.Sprintf("backup %q of app %s", in.Name, appID),
				Create:    func(ctx context.Context) (*Backup, error) { return r.client.CreateBackup(ctx, appID, in) },
				Find: func(ctx context.Context, since time.Time) (*Backup, bool, error) {
					found, err := r.client.ListBackups(ctx, appID)
					if err != nil {
						return nil, false, err
					}
					return adoptFound(fmt.Sprintf("backup %q of app %s", in.Name, appID), found,
						func(b *Backup) bool { return b.Name == in.Name && createdSince(b.Metadata, since) }, func(b *Backup) string { return b.ID })
				},
			}.Do(ctx)
			if err == nil {
				tflog.Info(ctx, "created backup", map[string]any{"app_id": appID, "id": created.ID, "adopted": adopted})
			}
			return err
		},
	})
	if err != nil {
		if waitEnded(err) {
			apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseCreate, "waiting to take", backupTypeName, appID+"/"+in.Name, err)
			return
		}
		addBackupError(&resp.Diagnostics, "creating", appID+"/"+in.Name, err)
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

// wait waits until the backup of m is completed and saves it; a wait that
// ends early is reported with its phase (after an interruption the state
// keeps the planned state, and the next plan resumes in place).
func (r *backupResource) wait(ctx context.Context, st interface {
	Set(context.Context, any) diag.Diagnostics
}, diags *diag.Diagnostics, phase apierr.Phase, m, planned backupModel,
) {
	appID, id := m.AppID.ValueString(), m.ID.ValueString()
	live, err := r.waiter(appID, id).completed(ctx, id, "astra.backup.create")
	if live != nil {
		m.fromAPI(appID, live)
	}
	if err != nil && apierr.Interrupted(err) {
		m.State = planned.State
	}
	diags.Append(st.Set(ctx, &m)...)
	if err != nil {
		apierr.AddWaitError(diags, phase, "waiting for", backupTypeName, appID+"/"+id, err)
	}
}

func (r *backupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state backupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	appID, id := state.AppID.ValueString(), state.ID.ValueString()
	b, err := r.client.GetBackup(ctx, appID, id)
	if apierr.IsNotFound(err) {
		apierr.RemoveGone(ctx, resp, apierr.Gone{TypeName: backupTypeName, ID: appID + "/" + id, Service: serviceName,
			Why: "no longer exists in Astra Control (or its app is no longer managed)"})
		return
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", backupTypeName, appID+"/"+id, err)
		return
	}
	state.fromAPI(appID, b)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update only waits: nothing of a backup changes, and a plan updates one
// only to resume the wait for a backup under way (or for new timeouts).
func (r *backupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state backupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, backupUpdateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	planned := plan
	plan.ID, plan.CreatedAt, plan.BucketID, plan.SnapshotID = state.ID, state.CreatedAt, state.BucketID, state.SnapshotID
	r.wait(ctx, &resp.State, &resp.Diagnostics, apierr.PhaseUpdate, plan, planned)
}

func (r *backupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state backupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, backupDeleteTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	appID, id := state.AppID.ValueString(), state.ID.ValueString()
	err := whenFree(ctx, freeConf{
		Operation: "deleting backup " + appID + "/" + id,
		Kind:      "astra.backup.delete_queue",
		Problems:  []string{problemBackupPending},
		Busy: func(ctx context.Context) (bool, string, error) {
			b, err := r.client.GetBackup(ctx, appID, id)
			if err != nil {
				return false, "", err
			}
			return b.State == BackupPending, fmt.Sprintf("backup %s is %s", id, b.State), nil
		},
		Do: func(ctx context.Context) error { return r.client.DeleteBackup(ctx, appID, id) },
	})
	if apierr.IsNotFound(err) {
		return
	}
	if err != nil {
		if waitEnded(err) {
			apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "waiting to delete", backupTypeName, appID+"/"+id, err)
		} else {
			addBackupError(&resp.Diagnostics, "deleting", appID+"/"+id, err)
		}
		return
	}
	if err := r.waiter(appID, id).gone(ctx, id, "astra.backup.delete"); err != nil {
		apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "waiting for the deletion of", backupTypeName, appID+"/"+id, err)
	}
}

func (r *backupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importAppScoped(ctx, backupTypeName, "backup", req, resp)
}

// addBackupError reports an API error with advice specific to backups.
func addBackupError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case e.Code == "problem 143":
			e.Hint = "The app has a backup of this name already: choose another name, or bring it under Terraform with " +
				"`terraform import " + backupTypeName + ".<name> <app_id>/<backup_id>`."
		case e.StatusCode == http.StatusBadRequest && fieldNamed(e, "bucketID"):
			e.Hint = "Name an existing bucket in bucket_id (see " + bucketTypeName + "), or add one: without buckets there is no default."
		case e.StatusCode == http.StatusBadRequest && fieldNamed(e, "snapshotID"):
			e.Hint = "snapshot_id must be a completed snapshot of this app (see " + snapshotTypeName + ")."
		case e.StatusCode == http.StatusForbidden && action == "creating":
			e.Hint = "Astra Control backs up a ready app only, and not the destination of an AppMirror relationship that is not failed over."
		case e.StatusCode == http.StatusForbidden && action == "deleting":
			e.Hint = "An app is being restored from this backup; apply again once the restore has ended."
		case e.StatusCode == http.StatusNotFound && e.Code == "problem 2":
			e.Hint = "The app named by app_id is not managed by this Astra account; check the ID."
		}
	}
	apierr.AddError(diags, action, backupTypeName, id, err)
}
