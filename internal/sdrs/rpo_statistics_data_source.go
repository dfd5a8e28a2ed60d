package sdrs

import (
	"context"
	"fmt"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const rpoStatisticsTypeName = "continuity_sdrs_rpo_statistics"

var _ datasource.DataSourceWithConfigure = (*rpoStatisticsDataSource)(nil)

// NewRPOStatisticsDataSource returns the continuity_sdrs_rpo_statistics data source.
func NewRPOStatisticsDataSource() datasource.DataSource { return &rpoStatisticsDataSource{} }

type rpoStatisticsDataSource struct{ client *Client }

// rpoStatisticsDataModel is the state of continuity_sdrs_rpo_statistics.
type rpoStatisticsDataModel struct {
	StartTime    types.String       `tfsdk:"start_time"`
	EndTime      types.String       `tfsdk:"end_time"`
	ResourceType types.String       `tfsdk:"resource_type"`
	Statistics   []rpoStatisticItem `tfsdk:"rpo_statistics"`
	Latest       *rpoStatisticItem  `tfsdk:"latest"`
}

// rpoStatisticItem is one RPO-exceeded trend record.
type rpoStatisticItem struct {
	ID           types.String `tfsdk:"id"`
	PointTime    types.String `tfsdk:"point_time"`
	ResourceNum  types.Int64  `tfsdk:"resource_num"`
	ResourceType types.String `tfsdk:"resource_type"`
	CreatedAt    types.String `tfsdk:"created_at"`
	UpdatedAt    types.String `tfsdk:"updated_at"`
	AgeSeconds   types.Int64  `tfsdk:"age_seconds"`
}

// rpoStatisticItemFromAPI converts one record, its age at now.
func rpoStatisticItemFromAPI(s *RPOStatistic, now time.Time) rpoStatisticItem {
	created := optionalString(s.CreatedAt)
	return rpoStatisticItem{ID: types.StringValue(s.Id), PointTime: optionalString(s.PointTime), ResourceNum: types.Int64Value(int64(s.ResourceNum)),
		ResourceType: optionalString(s.ResourceType.Value()), CreatedAt: created, UpdatedAt: optionalString(s.UpdatedAt),
		AgeSeconds: ageSeconds(created, now)}
}

// latestRPOStatistic returns the record of the newest point in time
// (point_time, "yyyy-MM-dd HH:mm", orders as text), or nil for none.
func latestRPOStatistic(items []rpoStatisticItem) *rpoStatisticItem {
	var latest *rpoStatisticItem
	for i := range items {
		if latest == nil || items[i].PointTime.ValueString() > latest.PointTime.ValueString() {
			latest = &items[i]
		}
	}
	if latest == nil {
		return nil
	}
	out := *latest
	return &out
}

// rpoTimeLayout is the form of start_time and end_time (sdrs.md §17).
const rpoTimeLayout = "2006-01-02 15:04:05.000"

// rpoTimeValidator accepts "yyyy-MM-dd HH:mm:ss.SSS".
type rpoTimeValidator struct{}

func (rpoTimeValidator) Description(context.Context) string {
	return "a time of the form yyyy-MM-dd HH:mm:ss.SSS, such as 2026-01-21 01:15:00.000"
}

func (v rpoTimeValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (rpoTimeValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := time.Parse(rpoTimeLayout, req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid SDRS time",
			fmt.Sprintf("%q is not of the form SDRS takes: yyyy-MM-dd HH:mm:ss.SSS, such as 2026-01-21 01:15:00.000 (UTC), as "+
				"created_at is.", req.ConfigValue.ValueString()))
	}
}

func (d *rpoStatisticsDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = rpoStatisticsTypeName
}

func (d *rpoStatisticsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	item := map[string]schema.Attribute{
		"id":            str("ID of the record."),
		"point_time":    str("Point in time of the record, `yyyy-MM-dd HH:mm`."),
		"resource_num":  schema.Int64Attribute{Computed: true, MarkdownDescription: "Number of resources that exceeded their RPO."},
		"resource_type": str("Resource type: `replication`."),
		"created_at":    str("Creation time, `yyyy-MM-dd HH:mm:ss.SSS`."),
		"updated_at":    str("Time of the last change, `yyyy-MM-dd HH:mm:ss.SSS`."),
		"age_seconds":   ageAttribute(),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The records of SDRS's RPO-exceeded trend (the dashboard's chart): for each point in time, how many " +
			"replication pairs exceeded their RPO; every page of the API's list (offset paging).",
		Attributes: map[string]schema.Attribute{
			"start_time": schema.StringAttribute{Optional: true, Validators: []validator.String{rpoTimeValidator{}},
				MarkdownDescription: "Only records created at or after this time, `yyyy-MM-dd HH:mm:ss.SSS` (UTC)."},
			"end_time": schema.StringAttribute{Optional: true, Validators: []validator.String{rpoTimeValidator{}},
				MarkdownDescription: "Only records created at or before this time, `yyyy-MM-dd HH:mm:ss.SSS` (UTC)."},
			"resource_type": schema.StringAttribute{Optional: true, Validators: []validator.String{stringvalidator.OneOf("replication")},
				MarkdownDescription: "Only records of this resource type: `replication` (the only one)."},
			"rpo_statistics": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The records found, in the API's order.",
				NestedObject:        schema.NestedAttributeObject{Attributes: item},
			},
			"latest": schema.SingleNestedAttribute{Computed: true, Attributes: item,
				MarkdownDescription: "The record of the newest `point_time` among those found (null when none): `latest.resource_num` " +
					"is how many pairs exceeded their RPO then. For a `check` block."},
		},
	}
}

func (d *rpoStatisticsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *rpoStatisticsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config rpoStatisticsDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, complete, err := d.client.AllRPOStatistics(ctx, RPOFilter{StartTime: config.StartTime.ValueString(),
		EndTime: config.EndTime.ValueString(), ResourceType: config.ResourceType.ValueString()})
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing", rpoStatisticsTypeName, "", err)
		return
	}
	now := time.Now()
	config.Statistics, _ = listItems(all, complete, "RPO statistics", func(s *RPOStatistic) rpoStatisticItem { return rpoStatisticItemFromAPI(s, now) },
		func(s *RPOStatistic) string { return s.Id }, &resp.Diagnostics)
	config.Latest = latestRPOStatistic(config.Statistics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &config)...)
}
