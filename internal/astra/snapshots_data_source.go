package astra

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const snapshotsTypeName = "continuity_astra_snapshots"

// snapshotStates are the states of an app snapshot (appSnap_1.3 state).
var snapshotStates = []string{SnapshotPending, SnapshotDiscovering, SnapshotRunning, SnapshotCompleted, SnapshotFailed, SnapshotRemoved, SnapshotDeleting, "unknown"}

var _ datasource.DataSourceWithConfigure = (*snapshotsDataSource)(nil)

// NewSnapshotsDataSource returns the continuity_astra_snapshots data source.
func NewSnapshotsDataSource() datasource.DataSource { return &snapshotsDataSource{} }

type snapshotsDataSource struct{ client *Client }

func (d *snapshotsDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = snapshotsTypeName
}

// listingAttributes are the filters and the order of the snapshots and
// backups data sources; what names the items ("snapshots").
func listingAttributes(what string, states []string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"app_id": schema.StringAttribute{Required: true, MarkdownDescription: "ID of the managed app whose " + what + " to list.",
			Validators: []validator.String{astraIDValidator("a managed app")}},
		"name_regex": schema.StringAttribute{Optional: true, MarkdownDescription: "Only " + what + " whose name this RE2 regular expression matches (anywhere in it: anchor it with `^…$`).",
			Validators: []validator.String{re2Validator}},
		"state": schema.StringAttribute{Optional: true, MarkdownDescription: "Only " + what + " in this state, e.g. `completed` (the ones to restore from).",
			Validators: []validator.String{stringvalidator.OneOf(states...)}},
		"order_by": schema.StringAttribute{Optional: true, MarkdownDescription: "`created_at desc` (the default: the newest first, so that the first is the latest), " +
			"`created_at`, `name` or `name desc`.", Validators: []validator.String{stringvalidator.OneOf(protectionOrders...)}},
		"limit": schema.Int64Attribute{Optional: true, MarkdownDescription: "At most this many " + what + ", after the filters and the order.",
			Validators: []validator.Int64{int64validator.AtLeast(1)}},
		"ids": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the " + what + ", in order."},
	}
}

// newListing returns the listing a configuration asks for.
func newListing(nameRegex, state, bucketID, orderBy types.String, limit types.Int64, diags *diag.Diagnostics) listing {
	l := listing{state: state.ValueString(), bucketID: bucketID.ValueString(), orderBy: orderBy.ValueString(), limit: limit.ValueInt64()}
	if l.orderBy == "" {
		l.orderBy = protectionOrders[0]
	}
	if !nameRegex.IsNull() {
		re, err := regexp.Compile(nameRegex.ValueString())
		if err != nil {
			diags.AddAttributeError(path.Root("name_regex"), "Invalid regular expression", err.Error())
		}
		l.nameRegex = re
	}
	return l
}

func (d *snapshotsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listingAttributes("snapshots", snapshotStates)
	snapshots := nestedList("The app's snapshots, filtered and in order.", map[string]string{
		"id": "The snapshot's ID.", "name": "Its name.", "state": "Its state.", "hook_state": "How its execution hooks ran: `success` or `failed`.",
		"bucket_id": "Bucket it is kept in, when it is.", "schedule_id": "Schedule that took it, for a scheduled snapshot.",
		"created_at": "When it was requested (UTC).",
	})
	snapshots.NestedObject.Attributes["state_unready"] = schema.ListAttribute{
		Computed: true, ElementType: types.StringType, MarkdownDescription: "Why it failed or is not ready."}
	snapshots.NestedObject.Attributes["age_seconds"] = schema.Int64Attribute{Computed: true, MarkdownDescription: "Seconds from `created_at` to the time of the read; computed when read (data sources only), for a `check` block."}
	attrs["snapshots"] = snapshots
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the snapshots of an Astra Control app, newest first, to find the one to restore from: " +
			"`snapshots[0].id` with `state = \"completed\"` is the latest completed snapshot. The API lists an app's snapshots in " +
			"one answer and filters none of them (`include` and `limit` only): the filters and the order apply on this side. " +
			"An empty result is an empty list.",
		Attributes: attrs,
	}
}

func (d *snapshotsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *snapshotsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state snapshotsDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	l := newListing(state.NameRegex, state.State, types.StringNull(), state.OrderBy, state.Limit, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	appID := state.AppID.ValueString()
	list, err := d.client.ListSnapshots(ctx, appID)
	if err != nil {
		addListingError(&resp.Diagnostics, snapshotsTypeName, "snapshots", appID, err)
		return
	}
	list = selectListed(l, list, func(s *Snapshot) listed {
		it := listed{name: s.Name, state: s.State, bucketID: s.BucketID}
		if s.Metadata != nil {
			it.createdAt = s.Metadata.CreationTimestamp
		}
		return it
	})
	now := time.Now()
	state.IDs, state.Snapshots = make([]string, len(list)), make([]snapshotItemModel, len(list))
	for i := range list {
		state.IDs[i], state.Snapshots[i] = list[i].ID, snapshotItem(&list[i], now)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// addListingError reports a failed listing of an app's snapshots or
// backups, saying when the app is not managed.
func addListingError(diags *diag.Diagnostics, typeName, what, appID string, err error) {
	if apierr.IsNotFound(err) {
		diags.AddAttributeError(path.Root("app_id"), "App not found",
			fmt.Sprintf("No app of ID %s is managed in this Astra account, so it has no %s: check app_id.", appID, what))
		return
	}
	apierr.AddError(diags, "listing "+what+" for", typeName, appID, err)
}
