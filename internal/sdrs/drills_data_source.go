package sdrs

import (
	"context"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const drillsTypeName = "continuity_sdrs_drills"

var _ datasource.DataSourceWithConfigure = (*drillsDataSource)(nil)

// NewDrillsDataSource returns the continuity_sdrs_drills data source.
func NewDrillsDataSource() datasource.DataSource { return &drillsDataSource{} }

type drillsDataSource struct{ client *Client }

func (d *drillsDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = drillsTypeName
}

func (d *drillsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	filter := func(desc string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: desc, Validators: append(v, stringvalidator.LengthAtLeast(1))}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the SDRS DR drills of a protection group, or of the project, that match the filters, reading every " +
			"page of the API's list (offset paging). Every filter is one of the API's query parameters.",
		Attributes: map[string]schema.Attribute{
			"server_group_id": filter("Only the drills of this protection group.", idValidator{}),
			"name":            filter("Only drills whose name contains this text (the API's fuzzy search)."),
			"status":          filter("Only drills in this status: `creating`, `available`, `deleting`, `error-deleting` or `error`."),
			"drill_vpc_id":    filter("Only the drills in this drill VPC.", idValidator{}),
			"ids":             schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the drills found, in the API's order."},
			"drills": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The drills found, in the API's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":              str("ID."),
					"name":            str("Name."),
					"status":          str("Status."),
					"server_group_id": str("ID of the drill's protection group."),
					"drill_vpc_id":    str("ID of the drill VPC."),
					"drill_servers": schema.ListNestedAttribute{
						Computed:            true,
						MarkdownDescription: "The drill servers, one per protected instance.",
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"protected_instance_id": str("ID of the protected instance."),
							"drill_server_id":       str("ID of its drill server (ECS)."),
						}},
					},
					"created_at":  str("Creation time, as SDRS reports it."),
					"age_seconds": ageAttribute(),
					"updated_at":  str("Time of the last change, as SDRS reports it."),
				}},
			},
		},
	}
}

func (d *drillsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *drillsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config drillsDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, complete, err := d.client.AllDrills(ctx, DrillFilter{GroupID: config.GroupID.ValueString(), Name: config.Name.ValueString(),
		Status: config.Status.ValueString(), DrillVPCID: config.DrillVPCID.ValueString()})
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing", drillsTypeName, "", err)
		return
	}
	now := time.Now()
	config.Drills, config.IDs = listItems(all, complete, "DR drills", func(d *Drill) drillItem { return drillItemFromAPI(d, now) },
		func(d *Drill) string { return d.Id }, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &config)...)
}
