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
	_ datasource.DataSourceWithConfigure        = (*shareGroupDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*shareGroupDataSource)(nil)
)

// NewShareGroupDataSource returns the continuity_manila_share_group data source.
func NewShareGroupDataSource() datasource.DataSource { return &shareGroupDataSource{} }

type shareGroupDataSource struct{ client *Client }

func (d *shareGroupDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = shareGroupTypeName
}

// shareGroupDataAttributes are the computed attributes of a share group in
// the data sources, but for id and name.
func shareGroupDataAttributes() map[string]schema.Attribute {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	return map[string]schema.Attribute{
		"description":                    str("Description."),
		"status":                         str("Status: `creating`, `available`, `deleting` or `error`."),
		"host":                           str("The share service host (`host@backend#pool`)."),
		"project_id":                     str("The owning project."),
		"created_at":                     str("Creation time (UTC, no zone)."),
		"share_group_type_id":            str("The share group type."),
		"share_network_id":               str("The share network, if any."),
		"share_server_id":                str("The share server; shown to admins only."),
		"availability_zone":              str("The availability zone (2.34 on)."),
		"source_share_group_snapshot_id": str("The group snapshot the group was restored from, if any."),
		"consistent_snapshot_support":    str("`pool`, `host` or null (2.34 on)."),
		"share_types":                    schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the group's share types."},
	}
}

func (d *shareGroupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := shareGroupDataAttributes()
	attrs["id"] = schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{uuidValidator()},
		MarkdownDescription: "The group's ID (a UUID). Exactly one of `id` and `name` must be set."}
	attrs["name"] = schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{nameValidator()},
		MarkdownDescription: "The group's name; exactly one group of the project must have it. Exactly one of `id` and `name` must be set."}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up a Manila share group of the project (microversion 2.31 on) by `id` or by `name`, for " +
			"instance one created outside Terraform, to put shares in it or snapshot it.",
		Attributes: attrs,
	}
}

func (d *shareGroupDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))}
}

func (d *shareGroupDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// shareGroupsByName finds a share group of the project by name.
var shareGroupsByName = byName[ShareGroup]{
	kind: "share group", kinds: "share groups",
	name: func(g *ShareGroup) string { return conv.Deref(g.Name) }, id: func(g *ShareGroup) string { return g.ID },
	notFound:  "Check the name (it is case-sensitive) and the project the credentials are scoped to.",
	ambiguous: "look one up by id instead.",
}

func (d *shareGroupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config shareGroupDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var found *ShareGroup
	if id := config.ID.ValueString(); id != "" {
		g, err := d.client.GetShareGroup(ctx, id)
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "reading", shareGroupTypeName, id, err)
			return
		}
		found = g
	} else {
		name := config.Name.ValueString()
		all, err := d.client.ListShareGroups(ctx, nil)
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "listing share groups for", shareGroupTypeName, name, err)
			return
		}
		g, ok := shareGroupsByName.one(all, name, &resp.Diagnostics)
		if !ok {
			return
		}
		found = g
	}
	var state shareGroupDataModel
	state.fromAPI(found)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
