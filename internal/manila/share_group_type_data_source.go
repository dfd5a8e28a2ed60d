package manila

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const shareGroupTypeTypeName = "continuity_manila_share_group_type"

var (
	_ datasource.DataSourceWithConfigure        = (*shareGroupTypeDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*shareGroupTypeDataSource)(nil)
)

// NewShareGroupTypeDataSource returns the continuity_manila_share_group_type data source.
func NewShareGroupTypeDataSource() datasource.DataSource { return &shareGroupTypeDataSource{} }

type shareGroupTypeDataSource struct{ client *Client }

func (d *shareGroupTypeDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = shareGroupTypeTypeName
}

func (d *shareGroupTypeDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up a Manila share group type (microversion 2.31 on) by `id` or `name`, or the default one " +
			"when neither is set: the share types its groups may hold and its group specs.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{uuidValidator()},
				MarkdownDescription: "The group type's ID. At most one of `id` and `name` may be set; neither means the default group type."},
			"name": schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{stringvalidator.LengthBetween(1, 255)},
				MarkdownDescription: "The group type's name."},
			"is_public":   schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether every project may use it."},
			"is_default":  schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is the default share group type."},
			"share_types": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the share types its groups may hold."},
			"group_specs": schema.MapAttribute{Computed: true, ElementType: types.StringType,
				MarkdownDescription: "Its group specs, such as `consistent_snapshot_support`."},
		},
	}
}

func (d *shareGroupTypeDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.Conflicting(path.MatchRoot("id"), path.MatchRoot("name"))}
}

func (d *shareGroupTypeDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// shareGroupTypesByName finds a share group type by name.
var shareGroupTypesByName = byName[ShareGroupType]{
	kind: "share group type", kinds: "share group types",
	name: func(t *ShareGroupType) string { return t.Name }, id: func(t *ShareGroupType) string { return t.ID },
	notFound:  "Check the name (it is case-sensitive); private group types are listed to admins only.",
	ambiguous: "look one up by id instead.",
}

func (d *shareGroupTypeDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config shareGroupTypeModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := d.client.Require(ctx, shareGroupAPI); err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", shareGroupTypeTypeName, "", err)
		return
	}
	var found *ShareGroupType
	var err error
	switch {
	case !config.ID.IsNull():
		found, err = d.client.GetShareGroupType(ctx, config.ID.ValueString())
	case !config.Name.IsNull():
		var all []ShareGroupType
		if all, err = d.client.ListShareGroupTypes(ctx); err == nil {
			var ok bool
			if found, ok = shareGroupTypesByName.one(all, config.Name.ValueString(), &resp.Diagnostics); !ok {
				return
			}
		}
	default:
		found, err = d.client.DefaultShareGroupType(ctx)
		if apierr.IsNotFound(err) {
			resp.Diagnostics.AddError("No default share group type",
				"This Manila has no default share group type (default_share_group_type is not configured): look one up by id or name.")
			return
		}
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", shareGroupTypeTypeName, config.ID.ValueString(), err)
		return
	}
	isDefault := found.IsDefault != nil && *found.IsDefault
	if found.IsDefault == nil {
		// Before 2.46 the view does not say: ask for the default.
		if def, err := d.client.DefaultShareGroupType(ctx); err == nil {
			isDefault = def.ID == found.ID
		}
	}
	var state shareGroupTypeModel
	state.fromAPI(found, isDefault)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
