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
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const appScheduleTypeName = "continuity_astra_app_schedule"

// appScheduleTimeout is the default bound of each call, retries included.
const appScheduleTimeout = 5 * time.Minute

var (
	_ resource.ResourceWithConfigure      = (*appScheduleResource)(nil)
	_ resource.ResourceWithImportState    = (*appScheduleResource)(nil)
	_ resource.ResourceWithValidateConfig = (*appScheduleResource)(nil)
)

// NewAppScheduleResource returns the continuity_astra_app_schedule resource.
func NewAppScheduleResource() resource.Resource { return &appScheduleResource{} }

type appScheduleResource struct{ client *Client }

func (r *appScheduleResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = appScheduleTypeName
}

func (r *appScheduleResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A protection schedule of an Astra Control app: when to take snapshots (and backups) and how many to keep. " +
			"With `replicate = true` each snapshot is also replicated by the app's AppMirror relationship, which is how the replication " +
			"frequency of an AppMirror is set (typically `granularity = \"custom\"` with a `recurrence_rule` such as every 10 minutes).\n\n" +
			"The timing attributes depend on `granularity`: `hourly` takes `minute`; `daily` takes `minute` and `hour`; `weekly` also " +
			"`day_of_week`; `monthly` also `day_of_month`; `custom` takes `recurrence_rule` only. Everything but `app_id` and `bucket_id` " +
			"is changed in place.\n\n" +
			"Astra Control takes no idempotency token. When the answer to a create is lost (the connection broke after the request " +
			"was sent, or a 5xx came back), the provider looks among the app's schedules for one of this `name` created since its " +
			"request and adopts it instead of creating a second. Schedule names need not be unique, so the API cannot tell two such " +
			"schedules apart: when it finds more than one, the create fails and names them rather than guess. Every operation is " +
			"synchronous: an interrupted apply leaves a created schedule in the state, and the next apply carries on from there." + timeoutsNote(appScheduleTimeout, appScheduleTimeout, appScheduleTimeout),
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The schedule's ID.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"app_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the managed app. Changing it replaces the schedule.",
				Validators:          []validator.String{astraIDValidator("")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name, 1 to 63 characters.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 63)},
			},
			"enabled": schema.BoolAttribute{
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(true),
				MarkdownDescription: "Whether the schedule is active. Defaults to `true`.",
			},
			"granularity": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "`hourly`, `daily`, `weekly`, `monthly` or `custom` (a `recurrence_rule`).",
				Validators:          []validator.String{stringvalidator.OneOf(scheduleGranularities...)},
			},
			"minute": schema.Int64Attribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "Minute of the hour, 0-59; required unless `granularity` is `custom` (the API then reports 0).",
				Validators:          []validator.Int64{int64validator.Between(0, 59)},
			},
			"hour": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Hour of the day (UTC), 0-23, for `daily`, `weekly` and `monthly` schedules.",
				Validators:          []validator.Int64{int64validator.Between(0, 23)},
			},
			"day_of_week": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Day of the week, 0-7 (0 and 7 are Sunday), for `weekly` schedules.",
				Validators:          []validator.Int64{int64validator.Between(0, 7)},
			},
			"day_of_month": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Day of the month, 1-31, for `monthly` schedules.",
				Validators:          []validator.Int64{int64validator.Between(1, 31)},
			},
			"recurrence_rule": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "For `custom` schedules, an RFC 5545 rule as Astra Control takes it: a `DTSTART` line with a UTC time in the past " +
					"(its time of day is the offset of the runs) and an `RRULE` line with only `FREQ` (`MINUTELY` or `HOURLY`) and `INTERVAL`, " +
					"separated by a line feed, e.g. `\"DTSTART:20240101T000500Z\\nRRULE:FREQ=MINUTELY;INTERVAL=30\"`.",
				Validators: []validator.String{recurrenceRuleValidator},
			},
			"snapshot_retention": schema.Int64Attribute{
				Required:            true,
				MarkdownDescription: "How many snapshots to keep; 0 deletes each snapshot once its backup is taken.",
				Validators:          []validator.Int64{int64validator.AtLeast(0)},
			},
			"backup_retention": schema.Int64Attribute{
				Required:            true,
				MarkdownDescription: "How many backups to keep; 0 takes no backups.",
				Validators:          []validator.Int64{int64validator.AtLeast(0)},
			},
			"bucket_id": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "ID of the bucket backups go to; the API picks one when unset. Changing it replaces the schedule.",
				Validators:          []validator.String{astraIDValidator("")},
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
					stringplanmodifier.RequiresReplaceIfConfigured(),
				},
			},
			"replicate": schema.BoolAttribute{
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(false),
				MarkdownDescription: "Whether each snapshot is replicated by the app's AppMirror relationship (it has an effect only when one exists). Defaults to `false`.",
			},
			"created_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Creation time (UTC).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"updated_at": schema.StringAttribute{Computed: true, MarkdownDescription: "Last modification time (UTC)."},
			"timeouts":   timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

// ValidateConfig applies the granularity rules: the timing attributes the
// granularity takes are required, the others must be unset.
func (r *appScheduleResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config appScheduleResourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() || config.Granularity.IsNull() || config.Granularity.IsUnknown() {
		return
	}
	granularity := config.Granularity.ValueString()
	takes, ok := scheduleTiming[granularity]
	if !ok {
		return // the attribute's own validator reports it
	}
	values := map[string]attr.Value{
		"minute": config.Minute, "hour": config.Hour, "day_of_week": config.DayOfWeek, "day_of_month": config.DayOfMonth,
		"recurrence_rule": config.RecurrenceRule,
	}
	for _, name := range []string{"minute", "hour", "day_of_week", "day_of_month", "recurrence_rule"} {
		v := values[name]
		switch {
		case v.IsUnknown():
		case slices.Contains(takes, name) && v.IsNull():
			resp.Diagnostics.AddAttributeError(path.Root(name), "Missing schedule attribute",
				fmt.Sprintf("%s is required when granularity is %q.", name, granularity))
		case name == "minute" && granularity == "custom":
			if !v.IsNull() && config.Minute.ValueInt64() != 0 {
				resp.Diagnostics.AddAttributeError(path.Root(name), "Invalid schedule attribute",
					"minute must be unset (or 0) when granularity is \"custom\": the time of day of the recurrence rule's DTSTART sets the offset of the runs.")
			}
		case !slices.Contains(takes, name) && !v.IsNull():
			resp.Diagnostics.AddAttributeError(path.Root(name), "Invalid schedule attribute",
				fmt.Sprintf("%s does not apply when granularity is %q; it is used by %s schedules.", name, granularity, usedBy(name)))
		}
	}
}

// usedBy names the granularities that take the timing attribute name.
func usedBy(name string) string {
	var out []string
	for _, g := range scheduleGranularities {
		if slices.Contains(scheduleTiming[g], name) {
			out = append(out, g)
		}
	}
	return strings.Join(out, ", ")
}

func (r *appScheduleResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *appScheduleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan appScheduleResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, appScheduleTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	appID := plan.AppID.ValueString()
	in := plan.toAPI()
	created, adopted, err := adopt.Create[*Schedule]{
		Operation: fmt.Sprintf("schedule %q of app %s", in.Name, appID),
		Create:    func(ctx context.Context) (*Schedule, error) { return r.client.CreateSchedule(ctx, appID, in) },
		Find: func(ctx context.Context, since time.Time) (*Schedule, bool, error) {
			return r.findCreated(ctx, appID, in.Name, since)
		},
	}.Do(ctx)
	if err != nil {
		addAppScheduleError(&resp.Diagnostics, "creating", plan.Name.ValueString(), err)
		return
	}
	tflog.Info(ctx, "created app schedule", map[string]any{"app_id": appID, "id": created.ID, "adopted": adopted})
	plan.fromAPI(appID, created, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *appScheduleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state appScheduleResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	appID, id := state.AppID.ValueString(), state.ID.ValueString()
	s, err := r.client.GetSchedule(ctx, appID, id)
	if apierr.IsNotFound(err) {
		apierr.RemoveGone(ctx, resp, apierr.Gone{TypeName: appScheduleTypeName, ID: appID + "/" + id, Service: serviceName,
			Why: "no longer exists in Astra Control (or the app is no longer managed)"})
		return
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", appScheduleTypeName, appID+"/"+id, err)
		return
	}
	state.fromAPI(appID, s, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *appScheduleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state appScheduleResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, appScheduleTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	appID, id := state.AppID.ValueString(), state.ID.ValueString()
	if err := r.client.UpdateSchedule(ctx, appID, id, plan.toAPI()); err != nil {
		addAppScheduleError(&resp.Diagnostics, "updating", appID+"/"+id, err)
		return
	}
	s, err := r.client.GetSchedule(ctx, appID, id)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading back", appScheduleTypeName, appID+"/"+id, err)
		return
	}
	plan.fromAPI(appID, s, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *appScheduleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state appScheduleResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, appScheduleTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	appID, id := state.AppID.ValueString(), state.ID.ValueString()
	err := r.client.DeleteSchedule(ctx, appID, id)
	if apierr.IsNotFound(err) {
		return
	}
	if err != nil {
		addAppScheduleError(&resp.Diagnostics, "deleting", appID+"/"+id, err)
		return
	}
	err = wait.UntilGone(ctx, "astra.schedule.delete", "schedule "+appID+"/"+id+" to be deleted", func(ctx context.Context) error {
		_, err := r.client.GetSchedule(ctx, appID, id)
		return err
	})
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "waiting for the deletion of", appScheduleTypeName, appID+"/"+id, err)
	}
}

// ImportState takes "<app_id>/<schedule_id>": a schedule's ID is only
// meaningful within its app.
// findCreated looks for the schedule a create whose answer was lost made:
// one of the app's schedules with the name, created since the first
// request. Schedule names need not be unique, so two such schedules made
// in that time cannot be told apart: that is an error, not a guess.
func (r *appScheduleResource) findCreated(ctx context.Context, appID, name string, since time.Time) (*Schedule, bool, error) {
	found, err := r.client.ListSchedules(ctx, appID)
	if err != nil {
		return nil, false, err
	}
	return adoptFound(fmt.Sprintf("schedule %q of app %s", name, appID), found,
		func(s *Schedule) bool { return s.Name == name && createdSince(s.Metadata, since) }, func(s *Schedule) string { return s.ID })
}

func (r *appScheduleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	appID, id, ok := strings.Cut(req.ID, "/")
	if !ok || !astraIDPattern.MatchString(appID) || !astraIDPattern.MatchString(id) {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("The import ID of %s is <app_id>/<schedule_id>, two Astra IDs separated by a slash, "+
				"e.g. 8c2d0a4e-7b1f-4e2a-9c3d-5f6a7b8c9d0e/3f1e2d3c-4b5a-4c6d-8e7f-9a0b1c2d3e4f; got %q.", appScheduleTypeName, req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("app_id"), appID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
}

// addAppScheduleError reports an API error with advice specific to schedules.
func addAppScheduleError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case e.Code == "problem 153":
			e.Hint = "This app cannot be replicated, so its schedules cannot set replicate = true."
		case e.Code == "problem 154":
			e.Hint = "This app cannot have protection schedules; the destination app of an AppMirror relationship, for one, gets the source's schedules only after a failover."
		case e.StatusCode == http.StatusNotFound && e.Code == "problem 2":
			e.Hint = "The app named by app_id is not managed by this Astra account; check the ID."
		}
	}
	apierr.AddError(diags, action, appScheduleTypeName, id, err)
}
