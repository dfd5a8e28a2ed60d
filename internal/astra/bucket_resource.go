package astra

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/adopt"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
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

const bucketTypeName = "continuity_astra_bucket"

// Default bounds of the bucket's operations: Astra Control checks a new
// bucket (and one given another credential) before it is available.
const (
	bucketCreateTimeout = 10 * time.Minute
	bucketUpdateTimeout = 10 * time.Minute
	bucketDeleteTimeout = 5 * time.Minute
)

var (
	_ resource.ResourceWithConfigure      = (*bucketResource)(nil)
	_ resource.ResourceWithImportState    = (*bucketResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*bucketResource)(nil)
	_ resource.ResourceWithValidateConfig = (*bucketResource)(nil)
)

// NewBucketResource returns the continuity_astra_bucket resource.
func NewBucketResource() resource.Resource { return &bucketResource{} }

type bucketResource struct{ client *Client }

func (r *bucketResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = bucketTypeName
}

func (r *bucketResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	immutable := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An object-store bucket Astra Control keeps backups in (and clones across clusters go through). The " +
			"first bucket of an account is its default one: backups and schedules without `bucket_id` use it. Astra Control checks " +
			"a new bucket before it is `available`; the create waits for that, and fails with Astra Control's explanation when the " +
			"bucket cannot be reached.\n\n" +
			"`name` and `credential_id` change in place (a credential rotation: the update waits until the bucket is `available` " +
			"again); the provider and the bucket's address cannot change (\"You can't modify the bucket type\") and replace it. A " +
			"bucket that a schedule with backups names, or that a backup is being written to, cannot be deleted: Astra Control " +
			"refuses, and the provider says why. When its credential is deleted or made not valid, the bucket is `removed` and " +
			"backups to it fail; the next plan shows the state.\n\n" +
			"**Lost answers.** Astra Control takes no idempotency token, but refuses a second bucket of one provider at one " +
			"address: when the answer to a create is lost, the provider adopts the bucket of this `object_store`, `bucket_name` and " +
			"server (or storage account) created since its request.\n\n" +
			"**Interruptions and timeouts.** A bucket found `pending` (an interrupted apply, an untaint) is waited for in place by " +
			"the next apply; a create that times out leaves the bucket in the state, tainted." + timeoutsNote(bucketCreateTimeout, bucketUpdateTimeout, bucketDeleteTimeout),
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The bucket's ID.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name in Astra Control, 1 to 256 characters.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 256)},
			},
			"object_store": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The kind of object store, Astra Control's `provider` of the bucket (a name Terraform reserves): " +
					"`ontap-s3`, `storagegrid-s3`, `generic-s3` or `aws` (S3 buckets, with `server_url`), `gcp`, or `azure` " +
					"(with `storage_account`). Astra Control Center uses `generic-s3` for AWS and Google Cloud buckets. Changing it replaces the bucket.",
				Validators:    []validator.String{stringvalidator.OneOf(bucketProviders...)},
				PlanModifiers: immutable,
			},
			"credential_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "ID of the credential the bucket is reached with (see `continuity_astra_cloud_credential`: `key_type = " +
					"\"s3\"` for S3 buckets). Changed in place.",
				Validators: []validator.String{astraIDValidator("a credential")},
			},
			"bucket_name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The bucket's name in its object store, 1 to 63 characters. Changing it replaces the bucket.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 63)},
				PlanModifiers:       immutable,
			},
			"server_url": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "For S3 providers: the object store's host (and port), e.g. `s3.example.com`, 1 to 1023 characters. Changing it replaces the bucket.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 1023)},
				PlanModifiers:       immutable,
			},
			"storage_account": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "For `azure`: the storage account of the container. Changing it replaces the bucket.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 1023)},
				PlanModifiers:       immutable,
			},
			"state": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "`available` after an apply; `pending` while Astra Control checks it, `removed` while it cannot be " +
					"reached (its credential is missing or not valid), `failed` for good.",
			},
			"state_details": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Why the bucket is in its state, as the API explains it.",
				NestedObject:        stateDetailsObject(),
			},
			"created_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Creation time (UTC).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

// stateDetailsObject is the element of a state_details list.
func stateDetailsObject() schema.NestedAttributeObject {
	return schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"type":   schema.StringAttribute{Computed: true, MarkdownDescription: "URI of the kind of detail."},
		"title":  schema.StringAttribute{Computed: true, MarkdownDescription: "Short summary."},
		"detail": schema.StringAttribute{Computed: true, MarkdownDescription: "Explanation."},
	}}
}

// ValidateConfig applies the object store's rules: S3 providers take
// server_url, azure storage_account, gcp neither.
func (r *bucketResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config bucketModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() || config.ObjectStore.IsUnknown() || config.ObjectStore.IsNull() {
		return
	}
	provider := config.ObjectStore.ValueString()
	need := func(attr string, v types.String, wanted bool, why string) {
		switch {
		case v.IsUnknown():
		case wanted && v.IsNull():
			resp.Diagnostics.AddAttributeError(path.Root(attr), "Missing bucket attribute", fmt.Sprintf("%s is required for object_store %q: %s.", attr, provider, why))
		case !wanted && !v.IsNull():
			resp.Diagnostics.AddAttributeError(path.Root(attr), "Invalid bucket attribute", fmt.Sprintf("%s does not apply to object_store %q: %s.", attr, provider, why))
		}
	}
	s3 := slices.Contains(s3BucketProviders, provider)
	need("server_url", config.ServerURL, s3, "S3 buckets (ontap-s3, storagegrid-s3, generic-s3, aws) are reached at a server URL")
	need("storage_account", config.StorageAccount, provider == "azure", "an azure container is in a storage account")
}

func (r *bucketResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan plans the state an apply ends in, and resumes a bucket found
// pending (an interrupted apply, an untaint) in place.
func (r *bucketResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan bucketModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !req.State.Raw.IsNull() {
		var state bucketModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if resp.Diagnostics.HasError() || (req.Plan.Raw.Equal(req.State.Raw) && state.State.ValueString() != BucketPending) {
			return
		}
		if state.State.ValueString() == BucketPending {
			plan.StateDetails = types.ListUnknown(stateDetailType)
		}
	}
	plan.State = types.StringValue(BucketAvailable)
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

func (r *bucketResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan bucketModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, bucketCreateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	in := plan.toAPI()
	created, adopted, err := adopt.Create[*Bucket]{
		Operation: fmt.Sprintf("bucket %q", in.Name),
		Create:    func(ctx context.Context) (*Bucket, error) { return r.client.CreateBucket(ctx, in) },
		Find: func(ctx context.Context, since time.Time) (*Bucket, bool, error) {
			found, err := r.client.ListBuckets(ctx)
			if err != nil {
				return nil, false, err
			}
			return adoptFound(fmt.Sprintf("bucket %q of provider %s", in.BucketParameters.name(), in.Provider), found, func(b *Bucket) bool {
				return b.Provider == in.Provider && b.BucketParameters.name() == in.BucketParameters.name() &&
					b.BucketParameters.host() == in.BucketParameters.host() && createdSince(b.Metadata, since)
			}, func(b *Bucket) string { return b.ID })
		},
	}.Do(ctx)
	if err != nil {
		addBucketError(&resp.Diagnostics, "creating", plan.Name.ValueString(), err)
		return
	}
	tflog.Info(ctx, "created bucket", map[string]any{"id": created.ID, "state": created.State, "adopted": adopted})
	planned := plan
	plan.fromAPI(created)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	live, err := r.waitAvailable(ctx, created.ID, "astra.bucket.create")
	if err != nil {
		r.addWaitError(ctx, &resp.State, &resp.Diagnostics, apierr.PhaseCreate, "waiting for", plan, planned, live, err)
		return
	}
	plan.fromAPI(live)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// waitAvailable waits until the bucket is available. removed and failed
// end the wait with the API's explanation.
func (r *bucketResource) waitAvailable(ctx context.Context, id, kind string) (*Bucket, error) {
	return wait.Conf[*Bucket]{
		Operation: "bucket " + id + " to be available",
		Pending:   []string{BucketPending, "unknown"},
		Target:    []string{BucketAvailable},
		Failure:   []string{BucketFailed, BucketRemoved},
		Refresh: func(ctx context.Context) (*Bucket, string, error) {
			b, err := r.client.GetBucket(ctx, id)
			if err != nil {
				return nil, "", err
			}
			return b, b.State, nil
		},
		Message: (*Bucket).Message,
		Kind:    kind,
	}.Wait(ctx)
}

// addWaitError reports a wait that ended early: after an interruption the
// state keeps the planned state (Terraform holds a result without error to
// the plan), and the next plan resumes the wait in place; otherwise the
// state has the last bucket read.
func (r *bucketResource) addWaitError(ctx context.Context, st interface {
	Set(context.Context, any) diag.Diagnostics
}, diags *diag.Diagnostics, phase apierr.Phase, action string, current, planned bucketModel, last *Bucket, err error,
) {
	if last != nil {
		current.fromAPI(last)
	}
	if apierr.Interrupted(err) {
		current.State = planned.State
	}
	diags.Append(st.Set(ctx, &current)...)
	apierr.AddWaitError(diags, phase, action, bucketTypeName, current.ID.ValueString(), err)
}

func (r *bucketResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state bucketModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	b, err := r.client.GetBucket(ctx, id)
	if apierr.IsNotFound(err) {
		apierr.RemoveGone(ctx, resp, apierr.Gone{TypeName: bucketTypeName, ID: id, Service: serviceName})
		return
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", bucketTypeName, id, err)
		return
	}
	state.fromAPI(b)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *bucketResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state bucketModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, bucketUpdateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	planned := plan
	if !plan.Name.Equal(state.Name) || !plan.CredentialID.Equal(state.CredentialID) {
		tflog.Info(ctx, "updating bucket", map[string]any{"id": id})
		if err := r.client.UpdateBucket(ctx, id, plan.Name.ValueString(), plan.CredentialID.ValueString()); err != nil {
			addBucketError(&resp.Diagnostics, "updating", id, err)
			return
		}
	}
	live, err := r.waitAvailable(ctx, id, "astra.bucket.update")
	if err != nil {
		r.addWaitError(ctx, &resp.State, &resp.Diagnostics, apierr.PhaseUpdate, "waiting after updating", state, planned, live, err)
		return
	}
	plan.fromAPI(live)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *bucketResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state bucketModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, bucketDeleteTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	err := r.client.DeleteBucket(ctx, id)
	if apierr.IsNotFound(err) {
		return
	}
	if err != nil {
		addBucketError(&resp.Diagnostics, "deleting", id, err)
		return
	}
	err = wait.UntilGone(ctx, "astra.bucket.delete", "bucket "+id+" to be deleted", func(ctx context.Context) error {
		_, err := r.client.GetBucket(ctx, id)
		return err
	})
	if err != nil {
		apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "waiting for the deletion of", bucketTypeName, id, err)
	}
}

func (r *bucketResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !astraIDPattern.MatchString(req.ID) {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("The import ID of %s is the bucket's ID (a lowercase UUID); got %q.", bucketTypeName, req.ID))
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// name returns the bucket's name in its object store.
func (p BucketParameters) name() string {
	switch {
	case p.S3 != nil:
		return p.S3.BucketName
	case p.GCP != nil:
		return p.GCP.BucketName
	case p.Azure != nil:
		return p.Azure.BucketName
	}
	return ""
}

// host returns the server URL or storage account of the bucket.
func (p BucketParameters) host() string {
	switch {
	case p.S3 != nil:
		return p.S3.ServerURL
	case p.Azure != nil:
		return p.Azure.StorageAccount
	}
	return ""
}

// addBucketError reports an API error with advice specific to buckets.
func addBucketError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case action == "deleting" && e.StatusCode == http.StatusForbidden:
			e.Hint = "Astra Control does not remove a bucket in use: a schedule that takes backups (backup_retention > 0) names it, " +
				"or a backup to it is under way. Point the schedules at another bucket (or let the backup end) and apply again; when " +
				"they are in this configuration with bucket_id = " + bucketTypeName + ".<name>.id, Terraform deletes them first."
		case e.StatusCode == http.StatusConflict && fieldNamed(e, "bucketParameters"):
			e.Hint = "Astra Control already has a bucket of this provider at this address; bring it under Terraform with " +
				"`terraform import " + bucketTypeName + ".<name> <id>` instead of adding it twice."
		case e.StatusCode == http.StatusBadRequest && fieldNamed(e, "credentialID"):
			e.Hint = "credential_id names no credential of this Astra account (see " + cloudCredentialTypeName + ")."
		}
	}
	apierr.AddError(diags, action, bucketTypeName, id, err)
}
