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
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const protectionGroupTypeName = "continuity_sdrs_protection_group"

// protectionGroupTimeout is the default of each timeout, as in the Huawei
// Cloud provider.
const protectionGroupTimeout = 10 * time.Minute

// protectionGroupObject describes the resource's object for the shared
// life cycle (lifecycle.go).
var protectionGroupObject = objectType[Group]{typeName: protectionGroupTypeName, kind: "protection group", entity: entityServerGroupID, op: "sdrs.protection_group",
	timeout: protectionGroupTimeout, get: (*Client).GetGroup, addError: addProtectionGroupError,
	status:       func(g *Group) string { return g.Status },
	transitional: groupTransitional,
	// Every transition of its own but the deletion, which is not kept.
	resumable: slices.DeleteFunc(slices.Clone(groupTransitional), func(s string) bool { return s == statusDeleting }),
	volatile: map[string]attr.Value{
		"protected_status": types.StringUnknown(), "replication_status": types.StringUnknown(),
		"health_status": types.StringUnknown(), "progress": types.Int64Unknown(), "protected_instance_num": types.Int64Unknown(),
		"replication_num": types.Int64Unknown(), "disaster_recovery_drill_num": types.Int64Unknown(), "updated_at": types.StringUnknown(),
	},
}

var (
	_ resource.ResourceWithConfigure      = (*protectionGroupResource)(nil)
	_ resource.ResourceWithImportState    = (*protectionGroupResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*protectionGroupResource)(nil)
	_ resource.ResourceWithValidateConfig = (*protectionGroupResource)(nil)
)

// NewProtectionGroupResource returns the continuity_sdrs_protection_group resource.
func NewProtectionGroupResource() resource.Resource { return &protectionGroupResource{} }

type protectionGroupResource struct{ client *Client }

func (r *protectionGroupResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = protectionGroupTypeName
}

func (r *protectionGroupResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	counter := func(desc string) schema.Int64Attribute {
		return schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Huawei Cloud SDRS protection group: the unit of disaster recovery between two availability zones of an " +
			"active-active domain. Its replication pairs (`continuity_sdrs_replication_pair`) replicate disks from the production " +
			"site to the DR site once protection is enabled (`enabled`); `priority_station` chooses which site is production, and " +
			"changing it performs a planned failover; `failed_over = true` performs an unplanned failover (the DR site runs, " +
			"whatever the state of the production site), and `failed_over = false` afterwards re-protects the group. Every " +
			"operation is an SDRS job that the provider waits for; a failed job's `error_code` and `fail_reason` are reported. " +
			"Only `name`, `enabled`, `priority_station`, `failed_over` and `delete_failed_jobs` change in place. The disaster-" +
			"recovery runbook is in the guide *Disaster recovery with Huawei Cloud SDRS*.\n\n" +
			"**Lost answers.** SDRS takes no idempotency token. When the answer to a create is lost (the connection broke after " +
			"the request was sent, or the API answered 5xx), the provider looks for the group that request made before it sends " +
			"another: a group of the same `name`, availability zones, `domain_id` and `source_vpc_id` created since the request " +
			"was sent, and adopts it when there is exactly one. SDRS cannot tell apart two groups of the same name and sites " +
			"created at the same time (by two applies at once, say): then none is adopted and the error lists them. When the " +
			"answer to an action (enable, disable, planned failover, failover, re-protection) is lost, the group's status tells whether it took effect " +
			"before the action is sent again.\n\n" +
			"**Interruptions and timeouts.** An apply interrupted (Ctrl-C) while the group is being created, protected, " +
			"unprotected or failed over keeps the group in the state, untainted, with its real status (`creating`, `starting`, " +
			"`stopping`, `reversing`, ...); the next plan shows an in-place update that waits for that operation to end, without " +
			"starting it again. A create that passes `timeouts.create` leaves the group tainted: `terraform untaint` keeps it, " +
			"and the next apply resumes waiting; otherwise the next apply replaces it. An interrupted destroy resumes: the next " +
			"destroy finds the group `deleting` and waits until it is gone.\n\n" +
			"**Timeouts.** `timeouts.create`, `timeouts.update` and `timeouts.delete` default to 10 minutes each (as in the Huawei " +
			"Cloud provider).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The protection group's ID.",
				PlanModifiers:       stable,
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name: at most 64 bytes of letters, digits, `.`, `_`, `-` and Chinese characters. Changed in place.",
				Validators:          []validator.String{nameValidator{}},
			},
			"description": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Description: 1 to 64 bytes, without `<` or `>`. The API cannot change it: a change replaces the group.",
				Validators:          []validator.String{descriptionValidator{}},
				PlanModifiers:       replace,
			},
			"source_availability_zone": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Availability zone of the production site at creation, one of the active-active domain's " +
					"(`continuity_sdrs_domain`). Changing it replaces the group.",
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers: replace,
			},
			"target_availability_zone": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Availability zone of the DR site at creation: the domain's other zone. Changing it replaces the group.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers:       replace,
			},
			"domain_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the active-active domain (`continuity_sdrs_domain`), a UUID. Changing it replaces the group.",
				Validators:          []validator.String{idValidator{}},
				PlanModifiers:       replace,
			},
			"source_vpc_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the production site's VPC, a UUID. Changing it replaces the group.",
				Validators:          []validator.String{idValidator{}},
				PlanModifiers:       replace,
			},
			"dr_type": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString("migration"),
				MarkdownDescription: "Deployment model; SDRS supports only `migration` (migration within a VPC), the default.",
				Validators:          []validator.String{stringvalidator.OneOf("migration")},
				PlanModifiers:       replace,
			},
			"enabled": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
				MarkdownDescription: "Whether protection is enabled (the start and stop actions). SDRS enables protection only on a " +
					"group that has replication pairs, so a new group must be created with `false` (the default) and enabled once " +
					"its pairs exist. Read back from the group's status: protection stopped outside Terraform, or stopped by a " +
					"failover, shows as a change, and enabling it again after a failover re-protects the group.",
			},
			"priority_station": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Which site is currently production: `source` (the `source_availability_zone`) or `target`. " +
					"A change performs a planned failover (the reverse action), enabling protection first if needed and disabling it " +
					"afterwards if `enabled` is `false`; the group needs replication pairs. When not set, the provider follows the " +
					"group (a failover does not show as a change). New groups start at `source`.",
				Validators:    []validator.String{stringvalidator.OneOf(stationSource, stationTarget)},
				PlanModifiers: stable,
			},
			"failed_over": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
				MarkdownDescription: "Whether the group runs after an unplanned failover. `true` fails it over: the DR site's servers " +
					"and disks take over whatever the state of the production site (it may be gone), its servers are stopped, data " +
					"synchronisation stops, and `priority_station` becomes the other site; SDRS needs the group `protected` (or a " +
					"failed failover or planned failover to retry) and `enabled = true`. `false` afterwards re-protects it, a " +
					"change of its own: synchronisation starts again from the site that runs now, which needs the servers of the " +
					"other site stopped; to fail back, change `priority_station` once re-protected (a planned failover). An unplanned " +
					"failover made outside Terraform shows as `true` in the next plan. Unlike `priority_station`, a failover " +
					"needs no stopped servers and loses what production had not yet replicated.",
			},
			"delete_failed_jobs": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
				MarkdownDescription: "Whether destroying the group also deletes its failed jobs from SDRS's task center: the group's " +
					"own (a failed creation, action or deletion) and those of its protected instances, replication pairs and drills " +
					"(see `continuity_sdrs_failed_jobs`). Default `false`: SDRS keeps them. Used only at deletion.",
			},
			"status":                      computed("Status, e.g. `creating`, `available` (protection disabled), `protected`, `failed-over`, or `error-*` after a failed job."),
			"protected_status":            computed("Protection status reported by SDRS: `started` or `stopped`; null for a new group."),
			"replication_status":          computed("Data synchronisation status: `active`, `inactive`, `copying` or `active-stopped`; null for a new group."),
			"health_status":               computed("Health: `normal` or `abnormal`; null for a new group."),
			"progress":                    schema.Int64Attribute{Computed: true, MarkdownDescription: "Synchronisation progress in percent."},
			"target_vpc_id":               schema.StringAttribute{Computed: true, MarkdownDescription: "ID of the DR site's VPC.", PlanModifiers: stable},
			"domain_name":                 schema.StringAttribute{Computed: true, MarkdownDescription: "Name of the active-active domain.", PlanModifiers: stable},
			"protected_instance_num":      counter("Number of protected instances."),
			"replication_num":             counter("Number of replication pairs."),
			"disaster_recovery_drill_num": counter("Number of DR drills."),
			"server_type":                 schema.StringAttribute{Computed: true, MarkdownDescription: "Type of the protected servers (`ECS`).", PlanModifiers: stable},
			"protection_type":             schema.StringAttribute{Computed: true, MarkdownDescription: "Protection type (`replication-pair`).", PlanModifiers: stable},
			"created_at":                  schema.StringAttribute{Computed: true, MarkdownDescription: "Creation time, as SDRS reports it.", PlanModifiers: stable},
			"updated_at":                  computed("Time of the last change, as SDRS reports it."),
			"timeouts":                    timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

// ValidateConfig refuses the same availability zone for both sites.
func (r *protectionGroupResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var source, target types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("source_availability_zone"), &source)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("target_availability_zone"), &target)...)
	if source.IsNull() || source.IsUnknown() || target.IsNull() || target.IsUnknown() {
		return
	}
	if source.ValueString() == target.ValueString() {
		resp.Diagnostics.AddAttributeError(path.Root("target_availability_zone"), "Same availability zone for both sites",
			fmt.Sprintf("target_availability_zone must differ from source_availability_zone (both are %q): the DR site is the "+
				"active-active domain's other availability zone.", source.ValueString()))
	}
}

func (r *protectionGroupResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan refuses at plan time what the API would refuse: SDRS enables
// protection and performs planned failovers only on a group with
// replication pairs (a new group has none), and not in every status. It
// also plans an update that resumes a transition left unfinished
// (planResume).
func (r *protectionGroupResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	if !req.State.Raw.IsNull() {
		r.checkChange(ctx, req, resp)
		planResume(ctx, protectionGroupObject, req, resp)
		return
	}
	var enabled, failed types.Bool
	var station types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("enabled"), &enabled)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("priority_station"), &station)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("failed_over"), &failed)...)
	if failed.ValueBool() {
		resp.Diagnostics.AddAttributeError(path.Root("failed_over"), "A new protection group cannot be failed over",
			"An unplanned failover needs a protected group with replication pairs, and a new group is neither. Create it with "+
				"failed_over = false (the default), add its pairs or protected instances, enable protection, and fail over in a later apply.")
	}
	const how = "Create the protection group with enabled = false (the default) and priority_station = \"source\" (or unset), " +
		"create its replication pairs (continuity_sdrs_replication_pair with group_id = this group's id), apply, and then set " +
		"enabled = true (or priority_station = \"target\") in a second apply. One apply cannot do both: the pairs need the group's ID."
	if enabled.ValueBool() {
		resp.Diagnostics.AddAttributeError(path.Root("enabled"), "Protection cannot be enabled on a new protection group",
			"SDRS enables protection only on a protection group that has replication pairs, and a new group has none: the API would refuse it. "+how)
	}
	if station.ValueString() == stationTarget {
		resp.Diagnostics.AddAttributeError(path.Root("priority_station"), "A new protection group starts at the source site",
			"A planned failover to the target site needs protection enabled and replication pairs, which a new group does not have. "+how)
	}
}

// checkChange refuses a protection change of an existing group that the
// API would refuse: enabling protection, a planned failover, an unplanned
// failover or a re-protection of a group without replication pairs, or of
// a group whose creation or deletion failed (statuses error and
// error-deleting, which allow no action); an unplanned failover of a
// group that is not protected; a re-protection while servers of the site
// that is to become the DR site run, and a planned failover while
// production servers run (sdrs.md §1.7, §15). A failover moves
// production to the other site: the plan says so.
func (r *protectionGroupResource) checkChange(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var plan, state protectionGroupResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	var configStation types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("priority_station"), &configStation)...)
	if resp.Diagnostics.HasError() {
		return
	}
	failing := plan.FailedOver.ValueBool() && !state.FailedOver.ValueBool()
	reprotecting := !plan.FailedOver.ValueBool() && state.FailedOver.ValueBool()
	enabling := plan.Enabled.ValueBool() && !state.Enabled.ValueBool()
	switching := !failing && !plan.PriorityStation.IsUnknown() && !plan.PriorityStation.IsNull() && !plan.PriorityStation.Equal(state.PriorityStation)
	id := state.ID.ValueString()
	if plan.FailedOver.ValueBool() && state.FailedOver.ValueBool() {
		switch {
		case switching:
			resp.Diagnostics.AddAttributeError(path.Root("priority_station"), fmt.Sprintf("Cannot perform a planned failover of failed-over %s %q", protectionGroupTypeName, id),
				"A planned failover needs a protected group, and this one runs after a failover: re-protect it first (failed_over = false, "+
					"which keeps production where it runs now), apply, then change priority_station. Nothing was changed.")
			return
		case !plan.Enabled.IsUnknown() && !plan.Enabled.ValueBool():
			resp.Diagnostics.AddAttributeError(path.Root("enabled"), "failed_over = true needs enabled = true",
				"A failed-over group's protection is suspended until it is re-protected (failed_over = false), which enables it "+
					"again; it cannot be disabled while failed over. Nothing was changed.")
			return
		}
	}
	if !enabling && !switching && !failing && !reprotecting {
		return
	}
	attr := "enabled"
	switch {
	case failing || reprotecting:
		attr = "failed_over"
	case switching:
		attr = "priority_station"
	}
	status := state.Status.ValueString()
	if status == statusError || status == statusErrorDeleting {
		what := "its creation failed"
		if status == statusErrorDeleting {
			what = "its deletion failed"
		}
		resp.Diagnostics.AddAttributeError(path.Root(attr), fmt.Sprintf("Cannot change the protection of %s %q in status %s", protectionGroupTypeName, id, status),
			fmt.Sprintf("Protection group %q (%s) is in status %s: %s, and SDRS allows no protection action in it. Replace the group "+
				"(terraform apply -replace=ADDRESS) or destroy it; nothing was changed.", state.Name.ValueString(), id, status, what))
		return
	}
	if failing && !r.checkFailover(ctx, plan, state, configStation, resp) {
		return
	}
	if state.ReplicationNum.ValueInt64() == 0 && r.client != nil {
		// The state says no pairs; the API has the last word (the state may
		// be older than the pairs when refresh was skipped).
		if g, err := r.client.GetGroup(ctx, id); err == nil && g.ReplicationNum == 0 {
			addNoPairsError(&resp.Diagnostics, id, g.Name, attr)
			return
		}
	}
	if r.client == nil || (!reprotecting && !switching) {
		return
	}
	// The servers: a re-protection needs the servers of the site that is
	// not production now stopped, a planned failover those that are.
	running, err := r.runningServers(ctx, id, state.PriorityStation.ValueString())
	if err != nil {
		resp.Diagnostics.AddWarning("Could not read the protected servers", fmt.Sprintf("The provider could not check at plan time "+
			"that the servers a %s needs stopped are stopped: %s. SDRS will check when the change is applied.", attr, err))
		return
	}
	if reprotecting && len(running.dr) > 0 {
		resp.Diagnostics.AddAttributeError(path.Root("failed_over"), fmt.Sprintf("Cannot re-protect %s %q while servers of its DR site run", protectionGroupTypeName, id),
			fmt.Sprintf("Re-protection (failed_over = false) makes the site that does not run production now the DR site, and SDRS needs its servers stopped "+
				"first (SDRS.1342); these run: %s. Stop them (ECS), refresh, and apply again. Nothing was changed.", strings.Join(running.dr, ", ")))
		return
	}
	if switching && !reprotecting && len(running.production) > 0 {
		resp.Diagnostics.AddAttributeError(path.Root("priority_station"), fmt.Sprintf("Cannot perform a planned failover of %s %q while its production servers run", protectionGroupTypeName, id),
			fmt.Sprintf("SDRS performs a planned failover only once the servers of the current production site are stopped (SDRS.1319); "+
				"these run: %s. Stop them (ECS) at a moment that suits the application, refresh, and apply again; or, when the "+
				"production site is lost, fail over with failed_over = true instead. Nothing was changed.", strings.Join(running.production, ", ")))
	}
}

// checkFailover refuses an unplanned failover SDRS would refuse and plans
// its production site: the other one. It reports whether the change may
// go on.
func (r *protectionGroupResource) checkFailover(ctx context.Context, plan, state protectionGroupResourceModel, configStation types.String,
	resp *resource.ModifyPlanResponse,
) bool {
	id, status := state.ID.ValueString(), state.Status.ValueString()
	if !slices.Contains([]string{statusProtected, statusErrorFailingOver, statusErrorReversing}, status) &&
		!slices.Contains(protectionGroupObject.resumable, status) {
		resp.Diagnostics.AddAttributeError(path.Root("failed_over"), fmt.Sprintf("Cannot fail over %s %q in status %s", protectionGroupTypeName, id, status),
			fmt.Sprintf("SDRS fails over a protection group only while it is protected (or to retry a failover or planned failover that "+
				"failed), and protection group %q is %s. Enable protection first (enabled = true) and apply; nothing was changed.",
				state.Name.ValueString(), status))
		return false
	}
	if !plan.Enabled.IsUnknown() && !plan.Enabled.ValueBool() {
		resp.Diagnostics.AddAttributeError(path.Root("enabled"), "failed_over = true needs enabled = true",
			"A group fails over only while protected, and its protection resumes when it is re-protected (failed_over = false): "+
				"keep enabled = true with failed_over = true. Nothing was changed.")
		return false
	}
	other := otherStation(state.PriorityStation.ValueString())
	if !configStation.IsNull() && !configStation.IsUnknown() && configStation.ValueString() != other {
		resp.Diagnostics.AddAttributeError(path.Root("priority_station"), "A failover moves production to the other site",
			fmt.Sprintf("Protection group %q runs at its %s site; an unplanned failover makes the %s site production. Set "+
				"priority_station = %q with failed_over = true, or leave priority_station unset. Nothing was changed.",
				state.Name.ValueString(), state.PriorityStation.ValueString(), other, other))
		return false
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("priority_station"), other)...)
	return true
}

// otherStation is the site that is not s.
func otherStation(s string) string {
	if s == stationTarget {
		return stationSource
	}
	return stationTarget
}

// servers lists servers of a group's protected instances that run.
type servers struct{ production, dr []string }

// runningServers returns the servers of group id's protected instances
// that are not stopped, at the current production site (station) and at
// the other.
func (r *protectionGroupResource) runningServers(ctx context.Context, id, station string) (servers, error) {
	var out servers
	instances, _, err := r.client.AllInstances(ctx, InstanceFilter{GroupID: id})
	if err != nil {
		return out, err
	}
	for _, inst := range instances {
		production, dr := inst.SourceServer, inst.TargetServer
		if station == stationTarget {
			production, dr = dr, production
		}
		for _, s := range []struct {
			id   string
			list *[]string
		}{{production, &out.production}, {dr, &out.dr}} {
			if s.id == "" {
				continue
			}
			srv, err := r.client.GetServer(ctx, s.id)
			if apierr.IsNotFound(err) {
				continue
			}
			if err != nil {
				return out, err
			}
			if srv.Status != serverShutoff {
				*s.list = append(*s.list, fmt.Sprintf("%s (%s, %s)", srv.Id, srv.Name, srv.Status))
			}
		}
	}
	return out, nil
}

func (r *protectionGroupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan protectionGroupResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	in := plan.toAPI()
	what := "creating protection group " + in.Name
	createObject(ctx, r.client, protectionGroupObject, plan, plan.Timeouts.Create, creation{
		What:   what,
		Submit: func(ctx context.Context) (string, error) { return r.client.CreateGroup(ctx, in) },
		Find: func(ctx context.Context, since time.Time) (string, bool, error) {
			return r.client.FindNewGroup(ctx, in, since)
		},
		Await: awaitCreation(r.client, protectionGroupObject, what),
	}, resp)
}

func (r *protectionGroupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readObject[Group, protectionGroupResourceModel](ctx, r.client, protectionGroupObject, req, resp)
}

func (r *protectionGroupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state protectionGroupResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, protectionGroupTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	changed, err := r.update(ctx, id, plan, state, &resp.Diagnostics)
	if !changed && err == nil && resp.Diagnostics.HasError() {
		// Refused before any change: keep the prior state.
		resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
		return
	}
	// Store what the API now says, also after a failed job or an
	// interrupted wait, so that the state shows what changed.
	reportWait[Group, protectionGroupResourceModel](ctx, r.client, protectionGroupObject, apierr.PhaseUpdate, "updating", id, plan, err,
		&resp.State, &resp.Diagnostics)
}

// update first waits for an operation under way to end (resumeObject: an
// earlier apply was interrupted, or timed out, while the group was
// starting, failing over, ...), then renames the group and brings
// protection and the production site to the plan: a site change is a
// planned failover, which needs protection enabled, so protection is
// enabled first (or re-protected after a failover) and disabled afterwards
// when the plan says so. changed is false when nothing was sent.
func (r *protectionGroupResource) update(ctx context.Context, id string, plan, state protectionGroupResourceModel, diags *diag.Diagnostics) (changed bool, err error) {
	g, err := resumeObject(ctx, r.client, protectionGroupObject, id)
	if err != nil {
		return false, err
	}
	rename := func() error {
		if !plan.Name.Equal(state.Name) && plan.Name.ValueString() != g.Name {
			return r.client.RenameGroup(ctx, id, plan.Name.ValueString())
		}
		return nil
	}
	wantFailedOver := plan.FailedOver.ValueBool()
	if wantFailedOver && !failedOver(g) {
		// An unplanned failover: the rest of the plan follows from it.
		if g.ReplicationNum == 0 {
			addNoPairsError(diags, id, g.Name, "failed_over")
			return false, nil
		}
		if err := rename(); err != nil {
			return false, err
		}
		return true, r.run(ctx, id, r.failover(id))
	}
	wantEnabled := plan.Enabled.ValueBool()
	wantStation := g.PriorityStation
	if !plan.PriorityStation.IsNull() && !plan.PriorityStation.IsUnknown() {
		wantStation = plan.PriorityStation.ValueString()
	}
	reprotecting := !wantFailedOver && failedOver(g)
	switching := wantStation != g.PriorityStation
	enabling := wantEnabled && !protectionEnabled(g)
	if (switching || enabling || reprotecting) && g.ReplicationNum == 0 {
		attr := "enabled"
		if reprotecting {
			attr = "failed_over"
		} else if switching {
			attr = "priority_station"
		}
		addNoPairsError(diags, id, g.Name, attr)
		return false, nil
	}
	if err := rename(); err != nil {
		return false, err
	}
	if reprotecting {
		// Re-protection, a change of its own: then the group is protected
		// at the site it failed over to, and the plan's site and
		// protection follow.
		if err := r.run(ctx, id, r.start(id, g.Status)); err != nil {
			return true, err
		}
		if g, err = r.client.GetGroup(ctx, id); err != nil {
			return true, err
		}
	}
	switch {
	case switching:
		// A planned failover is allowed from protected and error-reversing.
		if g.Status != statusProtected && g.Status != statusErrorReversing {
			if err := r.run(ctx, id, r.start(id, g.Status)); err != nil {
				return true, err
			}
		}
		if err := r.run(ctx, id, r.reverse(id, wantStation)); err != nil {
			return true, err
		}
		if !wantEnabled {
			return true, r.run(ctx, id, r.stop(id))
		}
	case enabling:
		return true, r.run(ctx, id, r.start(id, g.Status))
	case !wantEnabled && protectionEnabled(g):
		return true, r.run(ctx, id, r.stop(id))
	}
	return true, nil
}

// groupAction is a protection group action (POST .../action): sent once
// through adopt.Action, which, when the answer is lost, first reads the
// group's status to tell whether the action took effect.
type groupAction struct {
	// what names the action in messages.
	what string
	// kind names the action's operation for the wait
	// ("sdrs.protection_group.start").
	kind string
	// send posts the action and returns its job's ID.
	send func(ctx context.Context) (string, error)
	// applied reports whether the group shows that the action took effect:
	// it is in the action's transitional status or at its target.
	applied func(g *Group) bool
	// done reports whether the group is at the action's target.
	done func(g *Group) bool
}

// run carries out an action and waits for it: for its job, or, when the
// action took effect although its answer was lost (no job ID), for the
// group's status.
func (r *protectionGroupResource) run(ctx context.Context, id string, a groupAction) error {
	jobID := ""
	err := adopt.Action{
		Operation: a.what,
		Do: func(ctx context.Context) error {
			j, err := a.send(ctx)
			jobID = j
			return err
		},
		Applied: func(ctx context.Context) (bool, error) {
			g, err := r.client.GetGroup(ctx, id)
			if err != nil {
				return false, err
			}
			return a.applied(g), nil
		},
	}.Run(ctx)
	if err != nil {
		return err
	}
	if jobID != "" {
		_, err = r.client.waitJob(ctx, jobID, a.what, a.kind, 0)
		return err
	}
	g, err := protectionGroupObject.settle(ctx, r.client, id, a.what)
	if err != nil {
		return err
	}
	if !a.done(g) {
		return fmt.Errorf("%s: the protection group ended in status %q at the %s site", a.what, g.Status, g.PriorityStation)
	}
	return nil
}

// start enables protection, or re-protects a group in status (failed-over).
func (r *protectionGroupResource) start(id, status string) groupAction {
	what, kind := "enabling protection of protection group "+id, protectionGroupObject.op+".start"
	if status == statusFailedOver || status == statusErrorReprotecting {
		what, kind = "re-protecting failed-over protection group "+id, protectionGroupObject.op+".reprotect"
	}
	return groupAction{
		what: what,
		kind: kind,
		send: func(ctx context.Context) (string, error) { return r.client.StartGroup(ctx, id) },
		applied: func(g *Group) bool {
			return slices.Contains([]string{statusStarting, statusReprotecting, statusProtected}, g.Status)
		},
		done: func(g *Group) bool { return g.Status == statusProtected },
	}
}

func (r *protectionGroupResource) stop(id string) groupAction {
	return groupAction{
		what:    "disabling protection of protection group " + id,
		kind:    protectionGroupObject.op + ".stop",
		send:    func(ctx context.Context) (string, error) { return r.client.StopGroup(ctx, id) },
		applied: func(g *Group) bool { return g.Status == statusStopping || g.Status == statusAvailable },
		done:    func(g *Group) bool { return g.Status == statusAvailable },
	}
}

// reverse performs a planned failover to station.
func (r *protectionGroupResource) reverse(id, station string) groupAction {
	at := func(g *Group) bool { return g.Status == statusProtected && g.PriorityStation == station }
	return groupAction{
		what:    fmt.Sprintf("planned failover of protection group %s to the %s site", id, station),
		kind:    protectionGroupObject.op + ".reverse",
		send:    func(ctx context.Context) (string, error) { return r.client.ReverseGroup(ctx, id, station) },
		applied: func(g *Group) bool { return g.Status == statusReversing || at(g) },
		done:    at,
	}
}

// failover performs an unplanned failover to the other site.
func (r *protectionGroupResource) failover(id string) groupAction {
	return groupAction{
		what: "failover of protection group " + id,
		kind: protectionGroupObject.op + ".failover",
		send: func(ctx context.Context) (string, error) { return r.client.FailoverGroup(ctx, id) },
		applied: func(g *Group) bool {
			return g.Status == statusFailingOver || g.Status == statusFailedOver
		},
		done: func(g *Group) bool { return g.Status == statusFailedOver },
	}
}

func (r *protectionGroupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state protectionGroupResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	deleteObject(ctx, r.client, protectionGroupObject, id, state.Timeouts.Delete,
		func(ctx context.Context) (string, error) { return r.client.DeleteGroup(ctx, id) }, resp)
	if resp.Diagnostics.HasError() || !state.DeleteFailedJobs.ValueBool() {
		return
	}
	// The group is gone; its failed jobs stay in the task center until
	// deleted. When this fails the resource stays in the state: the next
	// destroy finds the group gone and deletes them again.
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, protectionGroupTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	if err := r.client.DeleteFailedJobsOf(ctx, id); err != nil {
		addProtectionGroupError(&resp.Diagnostics, "deleting the failed jobs of", id, err)
	}
}

func (r *protectionGroupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// addNoPairsError explains why protection cannot be enabled, or a planned
// or unplanned failover performed, on a group without replication pairs;
// attr is the attribute of the change.
func addNoPairsError(diags *diag.Diagnostics, id, name, attr string) {
	what := map[string]string{"enabled": "enable protection of", "priority_station": "perform a planned failover (priority_station) of",
		"failed_over": "fail over or re-protect (failed_over)"}[attr]
	diags.AddAttributeError(path.Root(attr), fmt.Sprintf("Cannot %s %s %q: it has no replication pairs", what, protectionGroupTypeName, id),
		fmt.Sprintf("SDRS enables protection and performs planned failovers and failovers only on a protection group that has replication pairs, "+
			"and protection group %q (%s) has none: the API would refuse the request. Nothing was changed.\n\n"+
			"Create continuity_sdrs_replication_pair resources (or protected instances, which bring a pair per disk) with group_id = "+
			"this group's id and apply, then set %s in a later apply. One apply cannot do both: the pairs depend on the group, so "+
			"Terraform updates the group before it creates them.", name, id, attr))
}

// addProtectionGroupError reports an error of an operation on a protection
// group, with the failed job's code and reason when a job failed.
func addProtectionGroupError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if !setJobHint(err, "protection group", "to retry the operation") && errors.As(err, &e) && e.Code == codeGroupHasPairs {
		e.Hint = "A protection group can be deleted only when it has no replication pairs: delete its " + replicationPairTypeName +
			" resources first (reference the group's id in their group_id so that Terraform destroys them first)."
	}
	apierr.AddError(diags, action, protectionGroupTypeName, id, err)
}
