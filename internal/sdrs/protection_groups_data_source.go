package sdrs

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const protectionGroupsTypeName = "continuity_sdrs_protection_groups"

var _ datasource.DataSourceWithConfigure = (*protectionGroupsDataSource)(nil)

// NewProtectionGroupsDataSource returns the continuity_sdrs_protection_groups data source.
func NewProtectionGroupsDataSource() datasource.DataSource { return &protectionGroupsDataSource{} }

type protectionGroupsDataSource struct{ client *Client }

func (d *protectionGroupsDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = protectionGroupsTypeName
}

func (d *protectionGroupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	num := func(desc string) schema.Int64Attribute {
		return schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
	}
	filter := func(desc string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: desc, Validators: v}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the SDRS protection groups of the project that match the filters, reading every page of the API's " +
			"list (offset paging).",
		Attributes: map[string]schema.Attribute{
			"name":              filter("Only groups whose name contains this text (the API's fuzzy search).", stringvalidator.LengthAtLeast(1)),
			"status":            filter("Only groups in this status, e.g. `available`, `protected`, `failed-over`.", stringvalidator.LengthAtLeast(1)),
			"availability_zone": filter("Only groups whose current production site is this availability zone.", stringvalidator.LengthAtLeast(1)),
			"query_type": filter("A predefined filter: `status_abnormal` (groups in an error status), `stop_protected` (protection stopped), "+
				"`period_no_dr_drill` (no DR drill in the last three months) or `general` (no filter).",
				stringvalidator.OneOf("status_abnormal", "stop_protected", "period_no_dr_drill", "general")),
			"ids": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the groups found, in the API's order."},
			"protection_groups": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The groups found, in the API's order (newest first).",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":                          str("ID."),
					"name":                        str("Name."),
					"description":                 str("Description; null when none."),
					"status":                      str("Status."),
					"enabled":                     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether protection is enabled, as `continuity_sdrs_protection_group` reads it."},
					"priority_station":            str("Current production site: `source` or `target`."),
					"failed_over":                 schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the group runs after an unplanned failover, not yet re-protected, as `continuity_sdrs_protection_group` reads it."},
					"protected_status":            str("`started` or `stopped`; null for a new group."),
					"replication_status":          str("`active`, `inactive`, `copying` or `active-stopped`; null for a new group."),
					"health_status":               str("`normal` or `abnormal`; null for a new group."),
					"progress":                    num("Synchronisation progress in percent."),
					"source_availability_zone":    str("Production-site availability zone at creation."),
					"target_availability_zone":    str("DR-site availability zone at creation."),
					"domain_id":                   str("Active-active domain ID."),
					"domain_name":                 str("Active-active domain name."),
					"source_vpc_id":               str("Production-site VPC ID."),
					"target_vpc_id":               str("DR-site VPC ID."),
					"dr_type":                     str("Deployment model (`migration`)."),
					"server_type":                 str("Type of the protected servers (`ECS`)."),
					"protection_type":             str("Protection type (`replication-pair`)."),
					"protected_instance_num":      num("Number of protected instances."),
					"replication_num":             num("Number of replication pairs."),
					"disaster_recovery_drill_num": num("Number of DR drills."),
					"healthy": healthyAttribute("the group protects its servers: `status` is `protected`, `health_status` not " +
						"`abnormal` and `replication_status` `active` (both may be null)"),
					"created_at": str("Creation time."),
					"updated_at": str("Time of the last change."),
				}},
			},
		},
	}
}

func (d *protectionGroupsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *protectionGroupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config protectionGroupsDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	f := GroupFilter{Name: config.Name.ValueString(), Status: config.Status.ValueString(),
		AvailabilityZone: config.AvailabilityZone.ValueString(), QueryType: config.QueryType.ValueString()}
	groups, complete, err := d.client.AllGroups(ctx, f)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing", protectionGroupsTypeName, "", err)
		return
	}
	config.Groups, config.IDs = listItems(groups, complete, "protection groups", protectionGroupItemFromAPI,
		func(g *Group) string { return g.Id }, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &config)...)
}
