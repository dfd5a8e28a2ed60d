package sdrs

import (
	"context"
	"fmt"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const protectedInstancesTypeName = "continuity_sdrs_protected_instances"

var _ datasource.DataSourceWithConfigure = (*protectedInstancesDataSource)(nil)

// NewProtectedInstancesDataSource returns the continuity_sdrs_protected_instances data source.
func NewProtectedInstancesDataSource() datasource.DataSource { return &protectedInstancesDataSource{} }

type protectedInstancesDataSource struct{ client *Client }

func (d *protectedInstancesDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = protectedInstancesTypeName
}

func (d *protectedInstancesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	filter := func(desc string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: desc, Validators: append(v, stringvalidator.LengthAtLeast(1))}
	}
	ids := func(desc string, conflicts ...path.Expression) schema.ListAttribute {
		v := []validator.List{listvalidator.SizeBetween(1, maxListIDs), listvalidator.ValueStringsAre(idValidator{})}
		if len(conflicts) > 0 {
			v = append(v, listvalidator.ConflictsWith(conflicts...))
		}
		return schema.ListAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: desc, Validators: v}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the SDRS protected instances of a protection group, of several, or of the project, that match the " +
			"filters, reading every page of the API's list (offset paging). Every filter is one of the API's query parameters; the " +
			"list holds what SDRS reports of each instance (`continuity_sdrs_protected_instance` adds what ECS and VPC report of its " +
			"servers).",
		Attributes: map[string]schema.Attribute{
			"server_group_id": filter("Only the instances of this protection group.", idValidator{},
				stringvalidator.ConflictsWith(path.MatchRoot("server_group_ids"))),
			"server_group_ids": ids(fmt.Sprintf("Only the instances of these protection groups (1 to %d IDs); IDs of groups that do not "+
				"exist are ignored. Conflicts with `server_group_id`.", maxListIDs)),
			"protected_instance_ids": ids(fmt.Sprintf("Only these instances (1 to %d IDs). The API ignores it with a group filter, so "+
				"it conflicts with `server_group_id` and `server_group_ids`.", maxListIDs),
				path.MatchRoot("server_group_id"), path.MatchRoot("server_group_ids")),
			"name":   filter("Only instances whose name contains this text (the API's fuzzy search)."),
			"status": filter("Only instances in this status, e.g. `available`, `protected`, `failed-over`, `error`."),
			"query_type": filter("`status_abnormal`: only instances in an abnormal status (an error status, `invalid` or `fault`); "+
				"`general`: no filter.", stringvalidator.OneOf("status_abnormal", "general")),
			"availability_zone": filter("Only instances whose protection group's current production site is this availability zone."),
			"ids":               schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the instances found, in the API's order."},
			"protected_instances": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The instances found, in the API's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":               str("ID."),
					"name":             str("Name."),
					"description":      str("Description; null when none."),
					"server_group_id":  str("ID of the instance's protection group."),
					"status":           str("Status."),
					"progress":         schema.Int64Attribute{Computed: true, MarkdownDescription: "Synchronisation progress in percent."},
					"source_server":    str("ID of the production-site server given at creation."),
					"target_server":    str("ID of the DR-site server SDRS created; null until created."),
					"priority_station": str("Current production site of the group: `source` or `target`."),
					"attachments": schema.ListNestedAttribute{
						Computed:            true,
						MarkdownDescription: "The replication pairs attached to the instance.",
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"replication_id": str("ID of the replication pair."),
							"device":         str("Device name of its disk, e.g. `/dev/vdb`."),
						}},
					},
					"tags":          schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Tags."},
					"system_frozen": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether SDRS froze the instance (its metadata's `__system__frozen`)."},
					"healthy": healthyAttribute("the instance is `protected` (`fault` when the synchronisation of one of its " +
						"replication pairs is abnormal)"),
					"created_at": str("Creation time, as SDRS reports it."),
					"updated_at": str("Time of the last change, as SDRS reports it."),
				}},
			},
		},
	}
}

func (d *protectedInstancesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *protectedInstancesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config protectedInstancesDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, complete, err := d.client.AllInstances(ctx, config.filter())
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing", protectedInstancesTypeName, "", err)
		return
	}
	config.Instances, config.IDs = listItems(all, complete, "protected instances", protectedInstanceItemFromAPI,
		func(i *Instance) string { return i.Id }, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &config)...)
}
