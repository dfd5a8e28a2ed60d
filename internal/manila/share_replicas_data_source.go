package manila

import (
	"context"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const shareReplicasTypeName = "continuity_manila_share_replicas"

var _ datasource.DataSourceWithConfigure = (*shareReplicasDataSource)(nil)

// NewShareReplicasDataSource returns the continuity_manila_share_replicas data source.
func NewShareReplicasDataSource() datasource.DataSource { return &shareReplicasDataSource{} }

type shareReplicasDataSource struct{ client *Client }

// shareReplicasDataModel is the state of continuity_manila_share_replicas.
type shareReplicasDataModel struct {
	ShareID  types.String       `tfsdk:"share_id"`
	IDs      []string           `tfsdk:"ids"`
	Replicas []shareReplicaItem `tfsdk:"replicas"`
}

// shareReplicaItem is one replica of the list.
type shareReplicaItem struct {
	ID               types.String `tfsdk:"id"`
	ShareID          types.String `tfsdk:"share_id"`
	Status           types.String `tfsdk:"status"`
	ReplicaState     types.String `tfsdk:"replica_state"`
	AvailabilityZone types.String `tfsdk:"availability_zone"`
	ShareNetworkID   types.String `tfsdk:"share_network_id"`
	CreatedAt        types.String `tfsdk:"created_at"`
	UpdatedAt        types.String `tfsdk:"updated_at"`
	AgeSeconds       types.Int64  `tfsdk:"age_seconds"`
	Healthy          types.Bool   `tfsdk:"healthy"`
}

// shareReplicaItemFromAPI converts one listed replica, its age at now.
func shareReplicaItemFromAPI(r *ShareReplica, now time.Time) shareReplicaItem {
	state := stateOf(r)
	return shareReplicaItem{
		ID: types.StringValue(r.ID), ShareID: types.StringValue(r.ShareID), Status: types.StringValue(r.Status),
		ReplicaState: types.StringPointerValue(r.ReplicaState), AvailabilityZone: types.StringPointerValue(r.AvailabilityZone),
		ShareNetworkID: types.StringPointerValue(r.ShareNetworkID), CreatedAt: types.StringValue(r.CreatedAt),
		UpdatedAt: types.StringPointerValue(r.UpdatedAt), AgeSeconds: ageSeconds(r.CreatedAt, now),
		Healthy: types.BoolValue(r.Status == statusAvailable && (state == replicaActive || state == replicaInSync)),
	}
}

// apiTimeLayout is the form of Manila's times, UTC without a zone
// ("2017-08-15T20:20:45.000000"); fractional seconds of any length parse.
const apiTimeLayout = "2006-01-02T15:04:05"

// ageSeconds is the age at now of a Manila time; null when it is
// unreadable.
func ageSeconds(at string, now time.Time) types.Int64 {
	t, err := time.Parse(apiTimeLayout, at)
	if err != nil {
		return types.Int64Null()
	}
	return types.Int64Value(conv.AgeSeconds(t, now))
}

func (d *shareReplicasDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = shareReplicasTypeName
}

func (d *shareReplicasDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the replicas of a Manila share (microversion 2.56 on), every page of the API's list, in its " +
			"order: for a `check` block that asserts the share is replicated (`healthy`). Manila reports no time of the last " +
			"synchronisation: a secondary replica is `in_sync` or `out_of_sync` as the back end last said (Manila refreshes it every " +
			"`replica_state_update_interval`, 300 s by default). A share without replicas gives an empty list.",
		Attributes: map[string]schema.Attribute{
			"share_id": schema.StringAttribute{Required: true, MarkdownDescription: "ID of the share whose replicas to list.",
				Validators: []validator.String{uuidValidator()}},
			"ids": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the replicas, in the API's order."},
			"replicas": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The replicas, in the API's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":                str("ID."),
					"share_id":          str("ID of the share."),
					"status":            str("Status: `creating`, `available`, `error`, `deleting`, `error_deleting`, `replication_change` or `reverting`."),
					"replica_state":     str("`active` (the one that serves), `in_sync`, `out_of_sync` or `error`; null while being created."),
					"availability_zone": str("Availability zone."),
					"share_network_id":  str("Share network; null when none."),
					"created_at":        str("Creation time, as Manila reports it (UTC)."),
					"updated_at":        str("Time of the last change of the replica (a change of `replica_state` included), as Manila reports it; null when none."),
					"age_seconds": schema.Int64Attribute{Computed: true, MarkdownDescription: "Seconds from `created_at` to the " +
						"time of the read; computed when read (data sources only), for a `check` block."},
					"healthy": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the replica is `available` and " +
						"`active` or `in_sync`. For a `check` block."},
				}},
			},
		},
	}
}

func (d *shareReplicasDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *shareReplicasDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state shareReplicasDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	shareID := state.ShareID.ValueString()
	all, err := d.client.ListReplicas(ctx, shareID)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing replicas of share", shareReplicasTypeName, shareID, err)
		return
	}
	now := time.Now()
	state.IDs, state.Replicas = make([]string, len(all)), make([]shareReplicaItem, len(all))
	for i := range all {
		state.IDs[i], state.Replicas[i] = all[i].ID, shareReplicaItemFromAPI(&all[i], now)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
