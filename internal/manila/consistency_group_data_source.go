package manila

import (
	"context"
	"fmt"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	_ datasource.DataSourceWithConfigure        = (*consistencyGroupDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*consistencyGroupDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*consistencyGroupsDataSource)(nil)
)

// cgDataModel is a consistency group as the data sources show it.
type cgDataModel struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	Description        types.String `tfsdk:"description"`
	Status             types.String `tfsdk:"status"`
	Host               types.String `tfsdk:"host"`
	ProjectID          types.String `tfsdk:"project_id"`
	CreatedAt          types.String `tfsdk:"created_at"`
	ShareNetworkID     types.String `tfsdk:"share_network_id"`
	ShareServerID      types.String `tfsdk:"share_server_id"`
	SourceCGSnapshotID types.String `tfsdk:"source_cgsnapshot_id"`
	ShareTypes         types.List   `tfsdk:"share_types"`
}

func (m *cgDataModel) fromAPI(cg *ConsistencyGroup) {
	*m = cgDataModel{
		ID: types.StringValue(cg.ID), Name: types.StringPointerValue(cg.Name), Description: types.StringPointerValue(cg.Description),
		Status: types.StringValue(cg.Status), Host: types.StringPointerValue(cg.Host), ProjectID: types.StringValue(cg.ProjectID),
		CreatedAt: types.StringValue(cg.CreatedAt), ShareNetworkID: types.StringPointerValue(cg.ShareNetworkID),
		ShareServerID: types.StringPointerValue(cg.ShareServerID), SourceCGSnapshotID: types.StringPointerValue(cg.SourceCGSnapshotID),
		ShareTypes: stringList(cg.ShareTypes),
	}
}

// cgDataAttrTypes are the attribute types of cgDataModel, for lists of it.
var cgDataAttrTypes = map[string]attr.Type{
	"id": types.StringType, "name": types.StringType, "description": types.StringType, "status": types.StringType,
	"host": types.StringType, "project_id": types.StringType, "created_at": types.StringType, "share_network_id": types.StringType,
	"share_server_id": types.StringType, "source_cgsnapshot_id": types.StringType, "share_types": types.ListType{ElemType: types.StringType},
}

func (m cgDataModel) object() types.Object {
	return types.ObjectValueMust(cgDataAttrTypes, map[string]attr.Value{
		"id": m.ID, "name": m.Name, "description": m.Description, "status": m.Status, "host": m.Host, "project_id": m.ProjectID,
		"created_at": m.CreatedAt, "share_network_id": m.ShareNetworkID, "share_server_id": m.ShareServerID,
		"source_cgsnapshot_id": m.SourceCGSnapshotID, "share_types": m.ShareTypes,
	})
}

// cgDataAttributes are the computed attributes of a consistency group.
func cgDataAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"description":          schema.StringAttribute{Computed: true, MarkdownDescription: "Description."},
		"status":               schema.StringAttribute{Computed: true, MarkdownDescription: "Status: `creating`, `available`, `deleting` or `error`."},
		"host":                 schema.StringAttribute{Computed: true, MarkdownDescription: "The share service host (`host@backend#pool`)."},
		"project_id":           schema.StringAttribute{Computed: true, MarkdownDescription: "The owning project."},
		"created_at":           schema.StringAttribute{Computed: true, MarkdownDescription: "Creation time (UTC, no zone)."},
		"share_network_id":     schema.StringAttribute{Computed: true, MarkdownDescription: "The share network, if any."},
		"share_server_id":      schema.StringAttribute{Computed: true, MarkdownDescription: "The share server; shown to admins only."},
		"source_cgsnapshot_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The snapshot the group was created from, if any."},
		"share_types":          schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the group's share types."},
	}
}

// NewConsistencyGroupDataSource returns the continuity_manila_consistency_group data source.
func NewConsistencyGroupDataSource() datasource.DataSource { return &consistencyGroupDataSource{} }

type consistencyGroupDataSource struct{ client *Client }

func (d *consistencyGroupDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = consistencyGroupTypeName
}

func (d *consistencyGroupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := cgDataAttributes()
	attrs["id"] = schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The group's ID. Exactly one of `id` and `name` must be set."}
	attrs["name"] = schema.StringAttribute{Optional: true, Computed: true,
		MarkdownDescription: "The group's name; exactly one group of the project must have it. Exactly one of `id` and `name` must be set."}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up a Manila consistency group of the project by `id` or by `name`, for instance one created " +
			"outside Terraform, to snapshot it with `continuity_manila_consistency_group_snapshot`.",
		Attributes: attrs,
	}
}

func (d *consistencyGroupDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))}
}

func (d *consistencyGroupDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *consistencyGroupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config cgDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var found *ConsistencyGroup
	if id := config.ID.ValueString(); id != "" {
		cg, err := d.client.GetConsistencyGroup(ctx, id)
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "reading", consistencyGroupTypeName, id, err)
			return
		}
		found = cg
	} else {
		name := config.Name.ValueString()
		all, err := d.client.ListConsistencyGroups(ctx)
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "listing consistency groups for", consistencyGroupTypeName, name, err)
			return
		}
		var matched []ConsistencyGroup
		for _, cg := range all {
			if derefString(cg.Name) == name {
				matched = append(matched, cg)
			}
		}
		switch len(matched) {
		case 0:
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Consistency group not found",
				fmt.Sprintf("No consistency group of the project is named %q. Check the name (it is case-sensitive) and the project the credentials are scoped to.", name))
			return
		case 1:
			found = &matched[0]
		default:
			ids := make([]string, len(matched))
			for i, cg := range matched {
				ids[i] = cg.ID
			}
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Several consistency groups match",
				fmt.Sprintf("%d consistency groups are named %q (%s); look one up by id instead.", len(matched), name, strings.Join(ids, ", ")))
			return
		}
	}
	var state cgDataModel
	state.fromAPI(found)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// NewConsistencyGroupsDataSource returns the continuity_manila_consistency_groups data source.
func NewConsistencyGroupsDataSource() datasource.DataSource { return &consistencyGroupsDataSource{} }

type consistencyGroupsDataSource struct{ client *Client }

type cgsDataModel struct {
	Name              types.String `tfsdk:"name"`
	Status            types.String `tfsdk:"status"`
	IDs               types.List   `tfsdk:"ids"`
	ConsistencyGroups types.List   `tfsdk:"consistency_groups"`
}

func (d *consistencyGroupsDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = consistencyGroupTypeName + "s"
}

func (d *consistencyGroupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	item := cgDataAttributes()
	item["id"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The group's ID."}
	item["name"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The group's name."}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Manila consistency groups of the project, in the order Manila returns them, optionally " +
			"only those with a given name or status.",
		Attributes: map[string]schema.Attribute{
			"name":   schema.StringAttribute{Optional: true, MarkdownDescription: "Only groups with exactly this name."},
			"status": schema.StringAttribute{Optional: true, MarkdownDescription: "Only groups in this status, e.g. `available` or `error`."},
			"ids":    schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the groups found."},
			"consistency_groups": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The groups found.",
				NestedObject: schema.NestedAttributeObject{Attributes: item},
			},
		},
	}
}

func (d *consistencyGroupsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *consistencyGroupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state cgsDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, err := d.client.ListConsistencyGroups(ctx)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing", consistencyGroupTypeName+"s", "", err)
		return
	}
	var ids []string
	items := []attr.Value{}
	for i := range all {
		cg := &all[i]
		if (!state.Name.IsNull() && derefString(cg.Name) != state.Name.ValueString()) ||
			(!state.Status.IsNull() && cg.Status != state.Status.ValueString()) {
			continue
		}
		var m cgDataModel
		m.fromAPI(cg)
		ids = append(ids, cg.ID)
		items = append(items, m.object())
	}
	state.IDs = stringList(ids)
	state.ConsistencyGroups = types.ListValueMust(types.ObjectType{AttrTypes: cgDataAttrTypes}, items)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
