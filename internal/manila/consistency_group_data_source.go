package manila

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	_ datasource.DataSourceWithConfigure        = (*consistencyGroupDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*consistencyGroupDataSource)(nil)
)

// NewConsistencyGroupDataSource returns the continuity_manila_consistency_group data source.
func NewConsistencyGroupDataSource() datasource.DataSource { return &consistencyGroupDataSource{} }

type consistencyGroupDataSource struct{ client *Client }

func (d *consistencyGroupDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = consistencyGroupTypeName
}

// consistencyGroupDataAttributes are the computed attributes of a
// consistency group in the data sources, but for id and name.
func consistencyGroupDataAttributes() map[string]schema.Attribute {
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

func (d *consistencyGroupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := consistencyGroupDataAttributes()
	attrs["id"] = schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{uuidValidator()},
		MarkdownDescription: "The group's ID (a UUID). Exactly one of `id` and `name` must be set."}
	attrs["name"] = schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{nameValidator()},
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

// consistencyGroupsByName finds a consistency group of the project by name.
var consistencyGroupsByName = byName[ConsistencyGroup]{
	kind: "consistency group", kinds: "consistency groups",
	name:      func(cg *ConsistencyGroup) string { return conv.Deref(cg.Name) },
	id:        func(cg *ConsistencyGroup) string { return cg.ID },
	notFound:  "Check the name (it is case-sensitive) and the project the credentials are scoped to.",
	ambiguous: "look one up by id instead.",
}

func (d *consistencyGroupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config consistencyGroupDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	found, ok := d.find(ctx, config, resp)
	if !ok {
		return
	}
	var state consistencyGroupDataModel
	state.fromAPI(found)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// find reads the group by ID, or finds the one group of that name.
func (d *consistencyGroupDataSource) find(ctx context.Context, config consistencyGroupDataModel, resp *datasource.ReadResponse) (*ConsistencyGroup, bool) {
	if id := config.ID.ValueString(); id != "" {
		cg, err := d.client.GetConsistencyGroup(ctx, id)
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "reading", consistencyGroupTypeName, id, err)
			return nil, false
		}
		return cg, true
	}
	name := config.Name.ValueString()
	all, err := d.client.ListConsistencyGroups(ctx)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing consistency groups for", consistencyGroupTypeName, name, err)
		return nil, false
	}
	return consistencyGroupsByName.one(all, name, &resp.Diagnostics)
}
