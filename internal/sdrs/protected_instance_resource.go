package sdrs

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/adopt"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/continuity-dr/terraform-provider-continuity/internal/transport"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const protectedInstanceTypeName = "continuity_sdrs_protected_instance"

// protectedInstanceTimeout is the default of each timeout, as in the
// Huawei Cloud provider (sdrs.md §19).
const protectedInstanceTimeout = 10 * time.Minute

// maxExtensionNICs is the most NICs nics holds: twelve with the primary
// one (sdrs.md §11.1).
const maxExtensionNICs = 11

// Protected instance statuses of their own (sdrs.md §9.8); during the
// group's actions an instance takes its group's.
const (
	statusNICCreating   = "nic-creating"
	statusNICDeleting   = "nic-deleting"
	statusResizing      = "resizing"
	statusErrorResizing = "error-resizing"
)

// instanceTransitional are the statuses of an instance with a job under
// way: its own, and its group's.
var instanceTransitional = append([]string{statusNICCreating, statusNICDeleting, statusResizing}, groupTransitional...)

// protectedInstanceObject describes the resource's object for the shared
// life cycle (lifecycle.go).
var protectedInstanceObject = objectType[instanceState]{typeName: protectedInstanceTypeName, kind: "protected instance",
	entity: entityProtectedInstanceID, op: "sdrs.protected_instance", timeout: protectedInstanceTimeout,
	get: getInstanceState, statusGet: instanceStatus, addError: addProtectedInstanceError,
	status:       func(s *instanceState) string { return s.Instance.Status },
	transitional: instanceTransitional,
	// Its own operations; the others are its group's, which the group
	// resumes.
	resumable: []string{statusCreating, statusNICCreating, statusNICDeleting, statusResizing},
	volatile: map[string]attr.Value{
		"target_server": types.StringUnknown(), "server_status": types.StringUnknown(), "target_server_status": types.StringUnknown(),
		"progress": types.Int64Unknown(), "attachments": types.ListUnknown(types.ObjectType{AttrTypes: attachmentAttrTypes}),
		"updated_at": types.StringUnknown(), "priority_station": types.StringUnknown(),
		// Known once the DR server exists (at the end of the creation),
		// or changed by a resize or a NIC's job.
		"primary_subnet_id": types.StringUnknown(), "primary_ip_address": types.StringUnknown(),
		"target_server_flavor": types.StringUnknown(), "server_flavor": types.StringUnknown(),
		"nics": types.ListUnknown(nicObjectType),
	},
}

var (
	_ resource.ResourceWithConfigure   = (*protectedInstanceResource)(nil)
	_ resource.ResourceWithImportState = (*protectedInstanceResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*protectedInstanceResource)(nil)
)

// NewProtectedInstanceResource returns the continuity_sdrs_protected_instance resource.
func NewProtectedInstanceResource() resource.Resource { return &protectedInstanceResource{} }

type protectedInstanceResource struct{ client *Client }

func (r *protectedInstanceResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = protectedInstanceTypeName
}

func (r *protectedInstanceResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Huawei Cloud SDRS protected instance: an ECS server of a protection group's production site, and the " +
			"DR-site server SDRS creates for it (stopped, same name, `target_server`) with one replication pair per disk of the " +
			"server, attached to the instance at the disk's device. Its NICs (`nics`) and the flavors of both servers " +
			"(`server_flavor`, `target_server_flavor`) change in place, each change an SDRS job the provider waits for; the " +
			"provider reads them from ECS and VPC, since SDRS does not report them, so changes made outside Terraform show in plan. " +
			"Only `name`, `tags`, `nics`, the flavors and the delete options change in place.\n\n" +
			"SDRS refuses some changes in some states, and the provider refuses them at plan time with the reason: NICs and flavors " +
			"change only while the instance is `available` or `protected` (not while its group is failed over), a server is resized " +
			"only while it is stopped, and `delete_target_server` cannot delete the DR-site server while it runs production (after " +
			"a planned failover or a failover).\n\n" +
			"**Lost answers.** SDRS takes no idempotency token. When the answer to a create is lost, the provider looks for the " +
			"instance that request made before it sends another: the instance of `group_id` on `server_id` created since the " +
			"request was sent (SDRS protects a server once, so the server identifies it). A NIC addition, deletion or resize whose " +
			"answer was lost is checked against the servers before it is sent again.\n\n" +
			"**Interruptions and timeouts.** An apply interrupted while the instance is being created, or its NICs or flavors " +
			"changed, keeps it in the state, untainted, with its real status (`creating`, `nic-creating`, `nic-deleting`, " +
			"`resizing`); the next plan shows an in-place update that waits for that operation to end. A create that passes " +
			"`timeouts.create` leaves the instance tainted (`terraform untaint` keeps it). An interrupted destroy resumes: the next " +
			"destroy finds the instance `deleting` and waits until it is gone.\n\n" +
			"Not offered: `cluster_id` (dedicated storage pools), `tenancy` and `dedicated_host_id` (dedicated hosts). SDRS never " +
			"reports them, so an imported instance could not be compared with its configuration.\n\n" +
			"**Timeouts.** `timeouts.create`, `timeouts.update` and `timeouts.delete` default to 10 minutes each (as in the Huawei " +
			"Cloud provider).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The protected instance's ID.", PlanModifiers: stable},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name: at most 64 bytes of letters, digits, `.`, `_`, `-` and Chinese characters. Changed in place.",
				Validators:          []validator.String{nameValidator{}},
			},
			"group_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "ID of the protection group (`continuity_sdrs_protection_group`), a UUID; its status must be " +
					"`available` or `protected`. Changing it replaces the instance.",
				Validators:    []validator.String{idValidator{}},
				PlanModifiers: replace,
			},
			"server_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "ID of the ECS server to protect, a UUID: in the group's production availability zone and VPC, " +
					"`ACTIVE` or `SHUTOFF`, not protected by another instance. Changing it replaces the instance.",
				Validators:    []validator.String{idValidator{}},
				PlanModifiers: replace,
			},
			"description": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Description: 1 to 64 bytes, without `<` or `>`. Changing it replaces the instance.",
				Validators:          []validator.String{descriptionValidator{}},
				PlanModifiers:       replace,
			},
			"primary_subnet_id": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Subnet (its network ID, a UUID) of the DR-site server's primary NIC; by default the production " +
					"server's. Changing it replaces the instance.",
				Validators:    []validator.String{idValidator{}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplaceIfConfigured()},
			},
			"primary_ip_address": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "IPv4 address of the DR-site server's primary NIC, in `primary_subnet_id` (which it needs); by " +
					"default assigned. Changing it replaces the instance.",
				Validators: []validator.String{ipv4Validator{},
					stringvalidator.AlsoRequires(path.MatchRoot("primary_subnet_id"))},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplaceIfConfigured()},
			},
			"server_flavor": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "ECS flavor of the server `server_id`, as ECS reports it. A change resizes the server in place " +
					"(SDRS's resize), which needs the server stopped; the provider refuses it at plan time while the server runs.",
				Validators:    []validator.String{flavorValidator{}},
				PlanModifiers: stable,
			},
			"target_server_flavor": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "ECS flavor of the DR-site server (`target_server`); by default the production server's. A change " +
					"resizes it in place, which needs it stopped (it is, unless it runs production or was started by hand).",
				Validators:    []validator.String{flavorValidator{}},
				PlanModifiers: stable,
			},
			"nics": schema.ListNestedAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "The NICs added to the instance beyond the primary one (at most 11): SDRS adds them to the " +
					"production-site server, and moves them with production across planned failovers and failovers. Adding an element " +
					"adds a NIC, removing one deletes it, changing one's subnet, address or security groups replaces that NIC; the " +
					"others stay. When not set, the provider follows the server.",
				Validators: []validator.List{listvalidator.SizeAtMost(maxExtensionNICs)},
				NestedObject: schema.NestedAttributeObject{Validators: []validator.Object{nicSubnetRequired{}}, Attributes: map[string]schema.Attribute{
					// Optional and computed for Terraform, required by
					// nicSubnetRequired: a list element with a value that
					// only the configuration sets would make Terraform plan
					// the list from the configuration even when it sets
					// none, and nics follows the server when it is not set.
					"subnet_id": schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{idValidator{}},
						MarkdownDescription: "Subnet (its network ID, a UUID) of the NIC, in the group's VPC. Required."},
					"ip_address": schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{ipv4Validator{}},
						MarkdownDescription: "IPv4 address of the NIC; by default assigned."},
					"security_group_ids": schema.SetAttribute{Optional: true, Computed: true, ElementType: types.StringType,
						Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(idValidator{})},
						MarkdownDescription: "Security groups of the NIC; by default `Sys-default`."},
					"id":          schema.StringAttribute{Computed: true, MarkdownDescription: "ID of the NIC (its VPC port)."},
					"mac_address": schema.StringAttribute{Computed: true, MarkdownDescription: "MAC address of the NIC."},
				}},
			},
			"tags": schema.MapAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Tags: at most 20; keys of 1 to 36 characters, values of at most 43, without control characters " +
					"or `*<>\\=,|/`. Changed in place.",
				Validators: []validator.Map{mapvalidator.SizeAtMost(maxTags), tagsValidator{}},
			},
			"delete_target_server": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
				MarkdownDescription: "Whether destroying the instance also deletes the DR-site server and its disks. Default `false`: " +
					"they are kept. Used only at deletion. SDRS refuses it while the group runs at its target site.",
			},
			"delete_target_eip": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
				MarkdownDescription: "Whether destroying the instance also releases the EIP bound to the DR-site server; it needs " +
					"`delete_target_server`. Default `false`. Used only at deletion.",
			},
			"target_server":        schema.StringAttribute{Computed: true, MarkdownDescription: "ID of the DR-site server SDRS created.", PlanModifiers: stable},
			"server_status":        computed("ECS status of the server `server_id`: `ACTIVE` or `SHUTOFF`, ...; null when ECS has no such server."),
			"target_server_status": computed("ECS status of the DR-site server; null when ECS has no such server."),
			"status":               computed("Status, e.g. `creating`, `available`, `protected`, `failed-over`, `resizing`, `error`."),
			"priority_station":     computed("Current production site of the instance's group: `source` (the server `server_id` runs production) or `target`."),
			"progress":             schema.Int64Attribute{Computed: true, MarkdownDescription: "Synchronisation progress in percent."},
			"attachments": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The replication pairs attached to the instance: those SDRS created for the server's disks, and those attached by `continuity_sdrs_replication_attachment`.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"replication_id": computed("ID of the replication pair."),
					"device":         computed("Device name of its disk on the servers, e.g. `/dev/vda`."),
				}},
			},
			"created_at": schema.StringAttribute{Computed: true, MarkdownDescription: "Creation time, as SDRS reports it.", PlanModifiers: stable},
			"updated_at": computed("Time of the last change, as SDRS reports it."),
			"timeouts":   timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *protectedInstanceResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan refuses at plan time what SDRS would refuse (sdrs.md §9.7,
// §11, §12), plans the NICs (planNICs) and resumes a transition left
// unfinished (planResume).
func (r *protectedInstanceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var state protectedInstanceResourceModel
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	}
	if req.Plan.Raw.IsNull() {
		if (state.DeleteTargetServer.ValueBool() || state.DeleteTargetEIP.ValueBool()) && r.client != nil {
			// The state may predate a failover of the group (a plan
			// without refresh): the API says where production runs.
			if inst, err := r.client.GetInstance(ctx, state.ID.ValueString()); err == nil {
				state.PriorityStation = optionalString(inst.PriorityStation)
			}
		}
		checkDestroyInstance(state, &resp.Diagnostics)
		return
	}
	var plan protectedInstanceResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var deleteEIP, deleteServer types.Bool
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("delete_target_eip"), &deleteEIP)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("delete_target_server"), &deleteServer)...)
	if deleteEIP.ValueBool() && !deleteServer.IsUnknown() && !deleteServer.ValueBool() {
		resp.Diagnostics.AddAttributeError(path.Root("delete_target_eip"), "delete_target_eip needs delete_target_server",
			"SDRS releases the DR-site server's EIP only with the server itself: set delete_target_server = true too, or leave "+
				"delete_target_eip false.")
	}
	if resp.Diagnostics.HasError() || req.State.Raw.IsNull() {
		return
	}
	var configNICs types.List
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("nics"), &configNICs)...)
	if !configNICs.IsNull() && !configNICs.IsUnknown() {
		planned, d := planNICs(ctx, configNICs, state.nics())
		resp.Diagnostics.Append(d...)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("nics"), planned)...)
		plan.NICs = planned
	}
	checkInstanceChange(plan, state, &resp.Diagnostics)
	planResume(ctx, protectedInstanceObject, req, resp)
}

// planNICs plans the NICs of the configuration: a NIC that the state has
// (its subnet, and its address and security groups where the
// configuration gives them) keeps its ID, address and security groups;
// another is a new NIC, whose unknowns the API fills.
func planNICs(ctx context.Context, config types.List, state []nicModel) (types.List, diag.Diagnostics) {
	var diags diag.Diagnostics
	used := make([]bool, len(state))
	elems := make([]attr.Value, 0, len(config.Elements()))
	for _, v := range config.Elements() {
		var c nicModel
		if o, ok := v.(types.Object); ok {
			diags.Append(o.As(ctx, &c, objectAsOptions)...)
		}
		planned := nicModel{SubnetID: c.SubnetID, IPAddress: c.IPAddress, SecurityGroupIDs: c.SecurityGroupIDs,
			ID: types.StringUnknown(), MACAddress: types.StringUnknown()}
		if c.IPAddress.IsNull() {
			planned.IPAddress = types.StringUnknown()
		}
		if c.SecurityGroupIDs.IsNull() {
			planned.SecurityGroupIDs = types.SetUnknown(types.StringType)
		}
		for i, s := range state {
			if !used[i] && nicModelMatches(c, s) {
				used[i] = true
				planned = s
				break
			}
		}
		o, d := types.ObjectValueFrom(ctx, nicAttrTypes, planned)
		diags.Append(d...)
		elems = append(elems, o)
	}
	list, d := types.ListValue(nicObjectType, elems)
	diags.Append(d...)
	return list, diags
}

// nicModelMatches reports whether the state's NIC s is the configured c.
func nicModelMatches(c, s nicModel) bool {
	if c.SubnetID.IsUnknown() || c.SubnetID.ValueString() != s.SubnetID.ValueString() {
		return false
	}
	if !c.IPAddress.IsNull() && (c.IPAddress.IsUnknown() || c.IPAddress.ValueString() != s.IPAddress.ValueString()) {
		return false
	}
	if c.SecurityGroupIDs.IsNull() {
		return true
	}
	if c.SecurityGroupIDs.IsUnknown() {
		return false
	}
	want, have := setStrings(c.SecurityGroupIDs), setStrings(s.SecurityGroupIDs)
	slices.Sort(want)
	slices.Sort(have)
	return slices.Equal(want, have)
}

// nicSubnetRequired requires subnet_id in each NIC of the configuration.
type nicSubnetRequired struct{}

func (nicSubnetRequired) Description(context.Context) string { return "subnet_id is required" }

func (v nicSubnetRequired) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (nicSubnetRequired) ValidateObject(_ context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if v, ok := req.ConfigValue.Attributes()["subnet_id"]; !ok || v.IsNull() {
		resp.Diagnostics.AddAttributeError(req.Path, "Missing subnet_id",
			nested(req.Path)+"each NIC of nics needs the subnet_id (the subnet's network ID) it is added in.")
	}
}

// instanceChangeable are the statuses in which SDRS changes an instance's
// NICs and flavors (sdrs.md §11, §12).
var instanceChangeable = []string{statusAvailable, statusProtected}

// checkInstanceChange refuses NIC and flavor changes SDRS would refuse: in
// a status other than available or protected (a failed-over group, a job
// under way that is not the instance's own), and a resize of a running
// server (the refreshed state holds the servers' ECS statuses).
func checkInstanceChange(plan, state protectedInstanceResourceModel, diags *diag.Diagnostics) {
	id, status := state.ID.ValueString(), state.Status.ValueString()
	nicsChange := !plan.NICs.IsUnknown() && !plan.NICs.Equal(state.NICs)
	flavorChange := func(p, s types.String) bool { return !p.IsUnknown() && !p.IsNull() && !p.Equal(s) }
	serverResize, targetResize := flavorChange(plan.ServerFlavor, state.ServerFlavor), flavorChange(plan.TargetServerFlavor, state.TargetServerFlavor)
	if !nicsChange && !serverResize && !targetResize {
		return
	}
	resuming := slices.Contains(protectedInstanceObject.resumable, status)
	if !resuming && !slices.Contains(instanceChangeable, status) && status != statusErrorResizing {
		attr := "nics"
		if !nicsChange {
			attr = "server_flavor"
			if !serverResize {
				attr = "target_server_flavor"
			}
		}
		diags.AddAttributeError(path.Root(attr), fmt.Sprintf("Cannot change %s of %s %q in status %s", attr, protectedInstanceTypeName, id, status),
			fmt.Sprintf("SDRS changes the NICs and flavors of a protected instance only while it is available or protected, and %s is %s "+
				"(after a failover, re-protect the group first: failed_over = false on its continuity_sdrs_protection_group). Nothing was "+
				"changed.", id, status))
		return
	}
	if nicsChange && status == statusErrorResizing {
		diags.AddAttributeError(path.Root("nics"), fmt.Sprintf("Cannot change the NICs of %s %q in status %s", protectedInstanceTypeName, id, status),
			"The last resize failed: bring the flavors back to what the servers have, or resize again, before changing NICs.")
	}
	running := func(attr, server string, s types.String) {
		if s.ValueString() != "" && s.ValueString() != serverShutoff {
			diags.AddAttributeError(path.Root(attr), fmt.Sprintf("Cannot resize server %s while it is %s", server, s.ValueString()),
				fmt.Sprintf("SDRS resizes only stopped servers, and server %s is %s. Stop it first (ECS: stop the server in the console, "+
					"or with your ECS tooling), refresh, and apply again. Nothing was changed.", server, s.ValueString()))
		}
	}
	if serverResize {
		running("server_flavor", state.ServerID.ValueString(), state.ServerStatus)
	}
	if targetResize {
		running("target_server_flavor", state.TargetServer.ValueString(), state.TargetServerStatus)
	}
}

// checkDestroyInstance refuses at plan time a destroy that SDRS would
// refuse: deleting the DR-site server, or its EIP, while it runs
// production (SDRS.1330, SDRS.1338).
func checkDestroyInstance(state protectedInstanceResourceModel, diags *diag.Diagnostics) {
	if state.PriorityStation.ValueString() != stationTarget {
		return
	}
	for _, attr := range []struct {
		name string
		set  types.Bool
	}{{"delete_target_server", state.DeleteTargetServer}, {"delete_target_eip", state.DeleteTargetEIP}} {
		if attr.set.ValueBool() {
			diags.AddAttributeError(path.Root(attr.name), fmt.Sprintf("Cannot destroy %s %q with %s", protectedInstanceTypeName, state.ID.ValueString(), attr.name),
				"The protection group runs at its target site: the DR-site server runs production, and SDRS refuses to delete it or its "+
					"EIP (SDRS.1330, SDRS.1338). Set "+attr.name+" = false and apply before destroying, or fail back first "+
					"(priority_station = \"source\" on the protection group).")
		}
	}
}

func (r *protectedInstanceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan protectedInstanceResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, protectedInstanceTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	in := plan.toAPI()
	what := "creating protected instance " + in.Name
	o := protectedInstanceObject
	id, err := r.client.createByJob(ctx, &resp.State, &resp.Diagnostics, creation{
		What: what, Kind: o.op + ".create", Entity: o.entity,
		Submit: func(ctx context.Context) (string, error) { return r.client.CreateInstance(ctx, in) },
		Find: func(ctx context.Context, since time.Time) (string, bool, error) {
			return r.client.FindNewInstance(ctx, in, since)
		},
		Await: awaitCreation(r.client, o, what),
	})
	if id == "" {
		if err != nil {
			o.addError(&resp.Diagnostics, "creating", id, err)
		}
		return
	}
	if err == nil {
		// What the creation request cannot say: the production server's
		// flavor, the NICs, tags beyond the creation's ten.
		var prior protectedInstanceResourceModel
		prior.NICs = types.ListValueMust(nicObjectType, []attr.Value{})
		err = r.converge(ctx, id, plan, prior, in.Tags == nil)
	}
	reportWait[instanceState, protectedInstanceResourceModel](ctx, r.client, o, apierr.PhaseCreate, "creating", id, plan, err,
		&resp.State, &resp.Diagnostics)
}

func (r *protectedInstanceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readObject[instanceState, protectedInstanceResourceModel](ctx, r.client, protectedInstanceObject, req, resp)
}

func (r *protectedInstanceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state protectedInstanceResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, protectedInstanceTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id := state.ID.ValueString()
	st, err := resumeObject(ctx, r.client, protectedInstanceObject, id)
	if err == nil && !plan.Name.Equal(state.Name) && plan.Name.ValueString() != st.Instance.Name {
		err = r.client.RenameInstance(ctx, id, plan.Name.ValueString())
	}
	if err == nil {
		err = r.converge(ctx, id, plan, state, true)
	}
	reportWait[instanceState, protectedInstanceResourceModel](ctx, r.client, protectedInstanceObject, apierr.PhaseUpdate, "updating", id,
		plan, err, &resp.State, &resp.Diagnostics)
}

// converge brings instance id from prior to plan: tags (when withTags),
// NICs deleted then added, then the flavors; each job waited for.
func (r *protectedInstanceResource) converge(ctx context.Context, id string, plan, prior protectedInstanceResourceModel, withTags bool) error {
	if withTags {
		want, have := plan.tags(), prior.tags()
		var gone []string
		for k, v := range have {
			if w, ok := want[k]; !ok || w != v {
				gone = append(gone, k)
			}
		}
		changed := map[string]string{}
		for k, v := range want {
			if h, ok := have[k]; !ok || h != v {
				changed[k] = v
			}
		}
		slices.Sort(gone)
		// The tag actions are idempotent (sdrs.md §9.9): the transport may
		// send them again.
		if err := r.client.DeleteTags(transport.Idempotent(ctx), id, gone); err != nil {
			return err
		}
		if err := r.client.AddTags(transport.Idempotent(ctx), id, changed); err != nil {
			return err
		}
	}
	if !plan.NICs.IsUnknown() {
		kept := map[string]bool{}
		for _, n := range plan.nics() {
			if !n.ID.IsUnknown() && !n.ID.IsNull() {
				kept[n.ID.ValueString()] = true
			}
		}
		for _, n := range prior.nics() {
			if nicID := n.ID.ValueString(); nicID != "" && !kept[nicID] {
				if err := r.deleteNIC(ctx, id, nicID); err != nil {
					return err
				}
			}
		}
		for _, n := range plan.nics() {
			if n.ID.IsUnknown() {
				spec := NICSpec{SubnetID: n.SubnetID.ValueString(), SecurityGroupIDs: setStrings(n.SecurityGroupIDs)}
				if !n.IPAddress.IsUnknown() {
					spec.IPAddress = n.IPAddress.ValueString()
				}
				if err := r.addNIC(ctx, id, spec); err != nil {
					return err
				}
			}
		}
	}
	return r.resize(ctx, id, plan)
}

// instanceJob carries out an action of a protected instance through
// adopt.Action (when its answer is lost, applied tells from the API
// whether it took effect) and waits for its job, or, for an action that
// took effect without an answer, until the instance settles.
func (r *protectedInstanceResource) instanceJob(ctx context.Context, id, what, kind string, send func(ctx context.Context) (string, error),
	applied func(ctx context.Context) (bool, error),
) error {
	jobID := ""
	err := adopt.Action{
		Operation: what,
		Do: func(ctx context.Context) error {
			j, err := send(ctx)
			jobID = j
			return err
		},
		Applied: applied,
	}.Run(ctx)
	if err != nil {
		return err
	}
	if jobID != "" {
		_, err = r.client.waitJob(ctx, jobID, what, kind, 0)
		return err
	}
	_, err = protectedInstanceObject.settle(ctx, r.client, id, what)
	return err
}

// addNIC adds a NIC; a lost answer is applied when the production server
// has a NIC it did not have before, in the subnet (at the address) asked.
func (r *protectedInstanceResource) addNIC(ctx context.Context, id string, spec NICSpec) error {
	before, err := r.client.readInstance(ctx, id)
	if err != nil {
		return err
	}
	had := map[string]bool{}
	for _, p := range before.ProductionPorts {
		had[p.Id] = true
	}
	what := fmt.Sprintf("adding a NIC in subnet %s to protected instance %s", spec.SubnetID, id)
	return r.instanceJob(ctx, id, what, protectedInstanceObject.op+".add_nic",
		func(ctx context.Context) (string, error) { return r.client.AddNIC(ctx, id, spec) },
		func(ctx context.Context) (bool, error) {
			st, err := r.client.readInstance(ctx, id)
			if err != nil {
				return false, err
			}
			if st.Instance.Status == statusNICCreating {
				return true, nil
			}
			for i := range st.ProductionPorts {
				p := &st.ProductionPorts[i]
				if !had[p.Id] && p.NetworkId == spec.SubnetID && (spec.IPAddress == "" || portIP(p) == spec.IPAddress) {
					return true, nil
				}
			}
			return false, nil
		})
}

// deleteNIC deletes a NIC; a lost answer is applied when the NIC is gone
// from the production server or being deleted.
func (r *protectedInstanceResource) deleteNIC(ctx context.Context, id, nicID string) error {
	what := fmt.Sprintf("deleting NIC %s of protected instance %s", nicID, id)
	return r.instanceJob(ctx, id, what, protectedInstanceObject.op+".delete_nic",
		func(ctx context.Context) (string, error) { return r.client.DeleteNIC(ctx, id, nicID) },
		func(ctx context.Context) (bool, error) {
			st, err := r.client.readInstance(ctx, id)
			if err != nil {
				return false, err
			}
			return st.Instance.Status == statusNICDeleting ||
				!slices.ContainsFunc(st.ProductionPorts, func(p Port) bool { return p.Id == nicID }), nil
		})
}

// resize brings the servers' flavors to the plan's: server_flavor is the
// server server_id's and target_server_flavor the DR server's, whichever
// runs production now (the API's production and DR flavors).
func (r *protectedInstanceResource) resize(ctx context.Context, id string, plan protectedInstanceResourceModel) error {
	st, err := r.client.readInstance(ctx, id)
	if err != nil {
		return err
	}
	want := func(v types.String, s *Server) string {
		if v.IsNull() || v.IsUnknown() || s == nil || serverFlavor(s) == v.ValueString() {
			return ""
		}
		return v.ValueString()
	}
	source, target := want(plan.ServerFlavor, st.Source), want(plan.TargetServerFlavor, st.Target)
	if source == "" && target == "" {
		return nil
	}
	production, dr := source, target
	if !st.productionIsSource() {
		production, dr = target, source
	}
	what := fmt.Sprintf("resizing protected instance %s", id)
	return r.instanceJob(ctx, id, what, protectedInstanceObject.op+".resize",
		func(ctx context.Context) (string, error) { return r.client.Resize(ctx, id, production, dr) },
		func(ctx context.Context) (bool, error) {
			st, err := r.client.readInstance(ctx, id)
			if err != nil {
				return false, err
			}
			return st.Instance.Status == statusResizing || (want(plan.ServerFlavor, st.Source) == "" && want(plan.TargetServerFlavor, st.Target) == ""), nil
		})
}

func (r *protectedInstanceResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state protectedInstanceResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	deleteServer := state.DeleteTargetServer.ValueBool()
	deleteEIP := deleteServer && state.DeleteTargetEIP.ValueBool()
	deleteObject(ctx, r.client, protectedInstanceObject, id, state.Timeouts.Delete,
		func(ctx context.Context) (string, error) {
			return r.client.DeleteInstance(ctx, id, deleteServer, deleteEIP)
		}, resp)
}

func (r *protectedInstanceResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// addProtectedInstanceError reports an error of an operation on a
// protected instance, with the failed job's code and reason, and advice on
// what SDRS refuses.
func addProtectedInstanceError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if !setJobHint(err, "protected instance", "to retry") && errors.As(err, &e) {
		switch e.Code {
		case codeServerProtected:
			e.Hint = "The server is already protected by another protected instance: SDRS protects a server once."
		case codeServerNotStopped, codeDRServerNotStopped:
			e.Hint = "SDRS resizes only stopped servers: stop the server (ECS), refresh, and apply again."
		case codeInstanceNotDeletable:
			e.Hint = "The protected instance is in a status that does not allow its deletion (an operation may be under way); " +
				"refresh and destroy again once it has ended."
		case "SDRS.1303", "SDRS.1304":
			e.Hint = "The server must be in the protection group's current production availability zone and in its VPC."
		case codeGroupNotFound:
			e.Hint = "The protection group (group_id) does not exist."
		default:
			if strings.HasPrefix(e.Code, "SDRS.13") && e.Hint == "" {
				e.Hint = "See the SDRS error code in the message; the servers' states are in server_status and target_server_status."
			}
		}
	}
	apierr.AddError(diags, action, protectedInstanceTypeName, id, err)
}
