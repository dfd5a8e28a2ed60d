package sdrs

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/adopt"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const replicationAttachmentTypeName = "continuity_sdrs_replication_attachment"

// replicationAttachmentTimeout is the default of each timeout, as in the
// Huawei Cloud provider (sdrs.md §19).
const replicationAttachmentTimeout = 10 * time.Minute

// Codes of the attachment's errors (sdrs.md §10, §22).
const (
	codeDeviceInUse       = "SDRS.1603"
	codePairAttached      = "SDRS.1605"
	codePairNotInGroup    = "SDRS.1611"
	codeDiskServerRunning = "SDRS.1316"
)

// replicationAttachmentObject describes the resource's object for the
// shared life cycle (lifecycle.go).
var replicationAttachmentObject = objectType[attachmentState]{typeName: replicationAttachmentTypeName, kind: "replication attachment",
	op: "sdrs.replication_attachment", timeout: replicationAttachmentTimeout, get: getAttachment, addError: addReplicationAttachmentError,
	status:       func(a *attachmentState) string { return a.Pair.Status },
	transitional: append([]string{pairAttaching, pairDetaching, pairExtending}, groupTransitional...),
	deleting:     pairDetaching,
	resumable:    []string{pairAttaching},
	volatile:     map[string]attr.Value{"instance_status": types.StringUnknown()},
}

var (
	_ resource.ResourceWithConfigure   = (*replicationAttachmentResource)(nil)
	_ resource.ResourceWithImportState = (*replicationAttachmentResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*replicationAttachmentResource)(nil)
)

// NewReplicationAttachmentResource returns the continuity_sdrs_replication_attachment resource.
func NewReplicationAttachmentResource() resource.Resource { return &replicationAttachmentResource{} }

type replicationAttachmentResource struct{ client *Client }

func (r *replicationAttachmentResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = replicationAttachmentTypeName
}

// devicePattern is the form of a device name (sdrs.md §10.1).
var devicePattern = regexp.MustCompile(`^/dev/(vd|sd)[a-z]$`)

func (r *replicationAttachmentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A replication pair (`continuity_sdrs_replication_pair`) attached to a protected instance " +
			"(`continuity_sdrs_protected_instance`) as a device: SDRS attaches the pair's production-site disk to the production " +
			"server and its DR-site disk to the DR-site server. Attaching and detaching are SDRS jobs the provider waits for; the " +
			"pair must be in the instance's protection group. Nothing changes in place.\n\n" +
			"**Lost answers.** When the answer to an attachment or a detachment is lost, the pair's status and the instance's " +
			"attachments tell whether it took effect before it is sent again.\n\n" +
			"**Interruptions.** An apply interrupted while the pair is `attaching` keeps the attachment in the state; the next plan " +
			"shows an in-place update that waits for it. An interrupted destroy finds the pair `detaching` and waits.\n\n" +
			"**Timeouts.** `timeouts.create`, `timeouts.update` and `timeouts.delete` default to 10 minutes each (as in the Huawei " +
			"Cloud provider).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "`<instance_id>/<replication_id>`.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"instance_id": schema.StringAttribute{
				Required: true, MarkdownDescription: "ID of the protected instance, a UUID. Changing it replaces the attachment.",
				Validators: []validator.String{idValidator{}}, PlanModifiers: replace,
			},
			"replication_id": schema.StringAttribute{
				Required: true, MarkdownDescription: "ID of the replication pair, a UUID, in the instance's protection group and attached " +
					"to no other instance. Changing it replaces the attachment.",
				Validators: []validator.String{idValidator{}}, PlanModifiers: replace,
			},
			"device": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Device name of the disk on the servers: `/dev/vdb`, `/dev/vdc`, ... (`/dev/vda` is the system " +
					"disk's); not used by another disk of the instance. SDRS names the devices of KVM servers `/dev/vd*`, and takes " +
					"`/dev/sdX` for `/dev/vdX`: either form may be given. Changing it replaces the attachment.",
				Validators:    []validator.String{stringvalidator.RegexMatches(devicePattern, "must be a device name such as /dev/vdb")},
				PlanModifiers: replace,
			},
			"status":          schema.StringAttribute{Computed: true, MarkdownDescription: "Status of the replication pair, e.g. `attaching`, `available`, `protected`, `error-attaching`."},
			"instance_status": schema.StringAttribute{Computed: true, MarkdownDescription: "Status of the protected instance."},
			"timeouts":        timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *replicationAttachmentResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan plans an update that resumes an attachment left unfinished.
func (r *replicationAttachmentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	planResume(ctx, replicationAttachmentObject, req, resp)
}

func (r *replicationAttachmentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan replicationAttachmentResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, replicationAttachmentTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	instanceID, pairID, device := plan.InstanceID.ValueString(), plan.ReplicationID.ValueString(), plan.Device.ValueString()
	id := attachmentID(instanceID, pairID)
	what := fmt.Sprintf("attaching replication pair %s to protected instance %s at %s", pairID, instanceID, device)
	o := replicationAttachmentObject
	jobID := ""
	// Attaching is an action on the instance: there is no object to find
	// by its attributes, but the pair's status (attaching) or the
	// instance's attachments tell whether a request whose answer was lost
	// took effect.
	err := adopt.Action{
		Operation: what,
		Do: func(ctx context.Context) error {
			j, err := r.client.AttachPair(ctx, instanceID, pairID, device)
			jobID = j
			return err
		},
		Applied: func(ctx context.Context) (bool, error) {
			_, err := getAttachment(r.client, ctx, id)
			if apierr.IsNotFound(err) {
				return false, nil
			}
			return err == nil, err
		},
	}.Run(ctx)
	if err != nil {
		o.addError(&resp.Diagnostics, "creating", id, err)
		return
	}
	// The attachment exists from here on: in the state before the wait.
	plan.ID = types.StringValue(id)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	if jobID != "" {
		_, err = r.client.waitJob(ctx, jobID, what, o.op+".create", 0)
	} else {
		_, err = o.settle(ctx, r.client, id, what)
	}
	if err == nil {
		err = checkAttached(ctx, r.client, id)
	}
	reportWait[attachmentState, replicationAttachmentResourceModel](ctx, r.client, o, apierr.PhaseCreate, "creating", id, plan, err,
		&resp.State, &resp.Diagnostics)
}

// checkAttached fails when an attachment that ended is not listed.
func checkAttached(ctx context.Context, c *Client, id string) error {
	st, err := getAttachment(c, ctx, id)
	if err != nil {
		return err
	}
	if st.Device == "" {
		return fmt.Errorf("the attachment %s ended with the replication pair %s, and the instance does not list it", id, st.Pair.Status)
	}
	return nil
}

func (r *replicationAttachmentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readObject[attachmentState, replicationAttachmentResourceModel](ctx, r.client, replicationAttachmentObject, req, resp)
}

// Update only resumes an attachment left unfinished: nothing else changes
// in place.
func (r *replicationAttachmentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state replicationAttachmentResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, replicationAttachmentTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id := state.ID.ValueString()
	_, err := resumeObject(ctx, r.client, replicationAttachmentObject, id)
	if err == nil && slices.Contains(replicationAttachmentObject.resumable, state.Status.ValueString()) {
		err = checkAttached(ctx, r.client, id)
	}
	reportWait[attachmentState, replicationAttachmentResourceModel](ctx, r.client, replicationAttachmentObject, apierr.PhaseUpdate,
		"updating", id, plan, err, &resp.State, &resp.Diagnostics)
}

func (r *replicationAttachmentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state replicationAttachmentResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	instanceID, pairID := state.InstanceID.ValueString(), state.ReplicationID.ValueString()
	deleteObject(ctx, r.client, replicationAttachmentObject, id, state.Timeouts.Delete,
		func(ctx context.Context) (string, error) { return r.client.DetachPair(ctx, instanceID, pairID) }, resp)
}

// ImportState takes "<instance_id>/<replication_id>".
func (r *replicationAttachmentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	instanceID, pairID, err := parseAttachmentID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID for "+replicationAttachmentTypeName, err.Error()+
			": import an attachment as terraform import ADDRESS <protected_instance_id>/<replication_id>.")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("instance_id"), instanceID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("replication_id"), pairID)...)
}

// addReplicationAttachmentError reports an error of an attachment, with
// the failed job's code and reason, and advice on what SDRS refuses.
func addReplicationAttachmentError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if !setJobHint(err, "replication pair", "to retry") && errors.As(err, &e) {
		switch e.Code {
		case codeDeviceInUse:
			e.Hint = "Another disk of the protected instance uses this device: choose another device (see the instance's attachments)."
		case codePairAttached:
			e.Hint = "The replication pair is attached to a protected instance already: a pair is attached to one instance at a time."
		case codePairNotInGroup:
			e.Hint = "The replication pair must be in the protected instance's protection group."
		case codeDiskServerRunning:
			e.Hint = "A system disk (/dev/vda) is detached only from a stopped server: stop the server (ECS) and destroy again."
		case codeInstanceNotFound, codePairNotFound:
			e.Hint = "The protected instance or the replication pair does not exist."
		}
	}
	apierr.AddError(diags, action, replicationAttachmentTypeName, id, err)
}
