package astra

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/adopt"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const cloudCredentialTypeName = "continuity_astra_cloud_credential"

// cloudCredentialTimeout is the default bound of each call, retries
// included: every operation of a credential is synchronous.
const cloudCredentialTimeout = 5 * time.Minute

// cloudCredentialKeyTypes are the key types of the credentials buckets use
// (astra.md §11.3): s3 for the S3 providers, generic for a cloud service
// account.
var cloudCredentialKeyTypes = []string{"s3", "generic"}

var (
	_ resource.ResourceWithConfigure      = (*cloudCredentialResource)(nil)
	_ resource.ResourceWithImportState    = (*cloudCredentialResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*cloudCredentialResource)(nil)
	_ resource.ResourceWithValidateConfig = (*cloudCredentialResource)(nil)
)

// NewCloudCredentialResource returns the continuity_astra_cloud_credential resource.
func NewCloudCredentialResource() resource.Resource { return &cloudCredentialResource{} }

type cloudCredentialResource struct{ client *Client }

func (r *cloudCredentialResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = cloudCredentialTypeName
}

func (r *cloudCredentialResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Astra Control credential for object storage: the access key of an S3 bucket (`key_type = \"s3\"`), or a " +
			"cloud service account (`key_type = \"generic\"`), for `continuity_astra_bucket`.\n\n" +
			"**The secret is write-only.** Astra Control never returns a credential's key store, so the provider does not keep it " +
			"either: `key_store_wo` is a [write-only attribute](https://developer.hashicorp.com/terraform/language/resources/ephemeral/write-only) " +
			"(Terraform 1.11 or later), never in the plan or the state, and sensitive. Take it from an ephemeral resource or a variable. " +
			"Terraform cannot see a change of a value it does not keep: change `key_store_wo_version` to send a new key store (a " +
			"rotation, in place; buckets keep working). Astra Control's update replaces the whole credential, so any update (of " +
			"`name`, `valid`, `labels` or the version) sends `key_store_wo` again: it must be in the configuration then.\n\n" +
			"**Import** restores `name`, `key_type`, `valid` and `labels`, never the key store: after an import, put `key_store_wo` " +
			"in the configuration; Terraform plans nothing until you change an attribute, and the provider warns that the key store " +
			"is not imported. Setting `key_store_wo_version` then (it is null after an import) plans an update that sends the key store.\n\n" +
			"A credential deleted while buckets use it makes them `removed` (Astra Control does not check); Terraform deletes the " +
			"buckets first when they name it with `credential_id = " + cloudCredentialTypeName + ".<name>.id`.\n\n" +
			"**Lost answers.** Astra Control takes no idempotency token and credential names need not be unique: when the answer " +
			"to a create is lost, the provider adopts the one credential of this `name` and `key_type` created since its request, and " +
			"fails naming them when there are several, rather than guess." + timeoutsNote(cloudCredentialTimeout, cloudCredentialTimeout, cloudCredentialTimeout),
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The credential's ID.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name, 1 to 127 characters (NetApp's toolkit names a bucket's credential after the bucket).",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 127)},
			},
			"key_type": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "`s3`: `key_store_wo` holds `accessKey` and `accessSecret`, for `ontap-s3`, `storagegrid-s3`, `generic-s3` " +
					"and `aws` buckets. `generic`: any keys, such as a cloud service account's JSON key under `base64`, for `gcp` and " +
					"`azure` buckets. Astra Control cannot change it: changing it replaces the credential.",
				Validators:    []validator.String{stringvalidator.OneOf(cloudCredentialKeyTypes...)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"key_store_wo": schema.MapAttribute{
				Optional:    true,
				WriteOnly:   true,
				Sensitive:   true,
				ElementType: types.StringType,
				MarkdownDescription: "The secret parts of the credential, by name, in plain text (the provider encodes them in base64 for " +
					"the API): `{ accessKey = ..., accessSecret = ... }` for `s3`. Write-only: required to create the credential and " +
					"for any update, never stored. Changing it alone changes nothing: change `key_store_wo_version` too.",
				Validators: []validator.Map{mapvalidator.SizeAtLeast(1), mapvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
			},
			"key_store_wo_version": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "A number of your choice: changing it sends `key_store_wo` to Astra Control again, in place (how a " +
					"rotated secret reaches the credential). Null after an import.",
				Validators: []validator.Int64{int64validator.AtLeast(0)},
			},
			"valid": schema.BoolAttribute{
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(true),
				MarkdownDescription: "Whether the credential may be used (default `true`); buckets of a credential that is not valid are `removed`.",
			},
			"labels": schema.MapAttribute{
				Optional:    true,
				Computed:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Metadata labels, by name. Astra Control's UI recognizes bucket credentials by the labels NetApp's " +
					"toolkit sets: `astra.netapp.io/labels/read-only/credType` (`s3` or `service-account`) and " +
					"`astra.netapp.io/labels/read-only/cloudName` (`s3`, `GCP`, `Azure`, `AWS`). Unset, the credential's labels are read.",
				PlanModifiers: []planmodifier.Map{mapplanmodifier.UseStateForUnknown()},
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

// ValidateConfig applies the key type's rules to the key store (the
// API's extended validation, astra.md §11.2): s3 needs accessKey and
// accessSecret.
func (r *cloudCredentialResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var keyType types.String
	var keyStore types.Map
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("key_type"), &keyType)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("key_store_wo"), &keyStore)...)
	if resp.Diagnostics.HasError() || keyType.IsUnknown() || keyType.ValueString() != "s3" || keyStore.IsNull() || keyStore.IsUnknown() {
		return
	}
	var missing []string
	for _, key := range []string{"accessKey", "accessSecret"} {
		if _, ok := keyStore.Elements()[key]; !ok {
			missing = append(missing, key)
		}
	}
	if len(missing) > 0 {
		resp.Diagnostics.AddAttributeError(path.Root("key_store_wo"), "Incomplete S3 key store",
			fmt.Sprintf("A credential of key_type \"s3\" needs accessKey and accessSecret in key_store_wo; it lacks %s.", strings.Join(missing, " and ")))
	}
}

func (r *cloudCredentialResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan refuses a create or an update without key_store_wo: every
// request that writes a credential carries its whole key store.
func (r *cloudCredentialResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan, config cloudCredentialModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() || !config.KeyStore.IsNull() {
		return
	}
	if req.State.Raw.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("key_store_wo"), "Missing key store",
			"key_store_wo is required to create a credential: Astra Control needs the secret (it is never stored by Terraform).")
		return
	}
	var state cloudCredentialModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !plan.writes(state) {
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root("key_store_wo"), "Missing key store",
		"This plan updates the credential, and Astra Control's update replaces the whole credential, key store included; "+
			"Terraform does not keep the key store, so key_store_wo is required in the configuration (from an ephemeral resource "+
			"or a sensitive variable) for this apply.")
}

// writes reports whether going from state to m needs a PUT.
func (m cloudCredentialModel) writes(state cloudCredentialModel) bool {
	return !m.Name.Equal(state.Name) || !m.Valid.Equal(state.Valid) || (!m.Labels.IsUnknown() && !m.Labels.Equal(state.Labels)) ||
		!m.KeyStoreVersion.Equal(state.KeyStoreVersion)
}

// keyStore reads key_store_wo from the configuration, and returns a
// context whose logs mask its values (plain and base64): the transport
// logs request bodies at TF_LOG=trace.
func keyStoreFrom(ctx context.Context, config interface {
	GetAttribute(context.Context, path.Path, any) diag.Diagnostics
}, diags *diag.Diagnostics,
) (context.Context, map[string]string) {
	var plain map[string]string
	diags.Append(config.GetAttribute(ctx, path.Root("key_store_wo"), &plain)...)
	if secrets := keyStoreSecrets(plain); len(secrets) > 0 {
		ctx = tflog.MaskAllFieldValuesStrings(ctx, secrets...)
		ctx = tflog.MaskMessageStrings(ctx, secrets...)
	}
	return ctx, plain
}

func (r *cloudCredentialResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan cloudCredentialModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, keyStore := keyStoreFrom(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, cloudCredentialTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	in := plan.toAPI(ctx, keyStore, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	created, adopted, err := adopt.Create[*Credential]{
		Operation: fmt.Sprintf("credential %q", in.Name),
		Create:    func(ctx context.Context) (*Credential, error) { return r.client.CreateCredential(ctx, in) },
		Find: func(ctx context.Context, since time.Time) (*Credential, bool, error) {
			found, err := r.client.FindCredentialsByName(ctx, in.Name)
			if err != nil {
				return nil, false, err
			}
			return adoptFound(fmt.Sprintf("credential %q of key type %s", in.Name, in.KeyType), found,
				func(c *Credential) bool {
					return (c.KeyType == in.KeyType || c.KeyType == "") && createdSince(c.Metadata, since)
				},
				func(c *Credential) string { return c.ID })
		},
	}.Do(ctx)
	if err != nil {
		addCloudCredentialError(&resp.Diagnostics, "creating", plan.Name.ValueString(), err)
		return
	}
	tflog.Info(ctx, "created credential", map[string]any{"id": created.ID, "adopted": adopted})
	r.saveRead(ctx, created.ID, created, &plan, &resp.State, &resp.Diagnostics)
}

// saveRead sets the state from the credential the API answered, read again
// when its answer was not the whole resource (labels).
func (r *cloudCredentialResource) saveRead(ctx context.Context, id string, got *Credential, m *cloudCredentialModel,
	state interface {
		Set(context.Context, any) diag.Diagnostics
	}, diags *diag.Diagnostics,
) {
	if got == nil {
		var err error
		if got, err = r.client.GetCredential(ctx, id); err != nil {
			apierr.AddError(diags, "reading back", cloudCredentialTypeName, id, err)
			return
		}
	}
	version := m.KeyStoreVersion
	m.fromAPI(got)
	m.KeyStoreVersion = version
	diags.Append(state.Set(ctx, m)...)
}

func (r *cloudCredentialResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state cloudCredentialModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	c, err := r.client.GetCredential(ctx, id)
	if apierr.IsNotFound(err) {
		apierr.RemoveGone(ctx, resp, apierr.Gone{TypeName: cloudCredentialTypeName, ID: id, Service: serviceName})
		return
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", cloudCredentialTypeName, id, err)
		return
	}
	version := state.KeyStoreVersion
	state.fromAPI(c)
	state.KeyStoreVersion = version
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *cloudCredentialResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state cloudCredentialModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, keyStore := keyStoreFrom(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, cloudCredentialTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	plan.ID = state.ID
	if !plan.writes(state) {
		// Only the timeouts changed.
		plan.CreatedAt, plan.Labels = state.CreatedAt, state.Labels
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		return
	}
	if plan.Labels.IsUnknown() {
		plan.Labels = state.Labels
	}
	in := plan.toAPI(ctx, keyStore, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	tflog.Info(ctx, "updating credential", map[string]any{"id": id, "key_store_sent": true})
	if err := r.client.UpdateCredential(ctx, id, in); err != nil {
		addCloudCredentialError(&resp.Diagnostics, "updating", id, err)
		return
	}
	r.saveRead(ctx, id, nil, &plan, &resp.State, &resp.Diagnostics)
}

func (r *cloudCredentialResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state cloudCredentialModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, cloudCredentialTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	err := r.client.DeleteCredential(ctx, id)
	if apierr.IsNotFound(err) {
		return
	}
	if err != nil {
		addCloudCredentialError(&resp.Diagnostics, "deleting", id, err)
		return
	}
	err = wait.UntilGone(ctx, "astra.credential.delete", "credential "+id+" to be deleted", func(ctx context.Context) error {
		_, err := r.client.GetCredential(ctx, id)
		return err
	})
	if err != nil {
		apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "waiting for the deletion of", cloudCredentialTypeName, id, err)
	}
}

// ImportState takes the credential's ID, and warns that the key store is
// not imported: the API never returns it.
func (r *cloudCredentialResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !astraIDPattern.MatchString(req.ID) {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("The import ID of %s is the credential's ID (a lowercase UUID); got %q.", cloudCredentialTypeName, req.ID))
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
	resp.Diagnostics.AddWarning("Key store not imported",
		fmt.Sprintf("Astra Control never returns a credential's key store, so the import of credential %s holds its name, key type, "+
			"validity and labels only. Set key_store_wo in the configuration: Terraform sends it with the next update of the "+
			"credential, or when you set (or change) key_store_wo_version.", req.ID))
}

// addCloudCredentialError reports an API error with advice specific to
// credentials.
func addCloudCredentialError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case e.StatusCode == http.StatusBadRequest && slices.ContainsFunc(e.Fields, func(f apierr.Field) bool { return strings.HasPrefix(f.Name, "keyStore") }):
			e.Hint = "Astra Control refused the key store: with key_type \"s3\" it needs accessKey and accessSecret in key_store_wo."
		case e.StatusCode == http.StatusBadRequest && fieldNamed(e, "keyType"):
			e.Hint = "A credential's key type cannot change; key_type replaces the credential when changed, so the API's one differs from the state: run terraform apply -refresh-only to see it."
		}
	}
	apierr.AddError(diags, action, cloudCredentialTypeName, id, err)
}
