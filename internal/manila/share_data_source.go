package manila

import (
	"context"
	"net/url"

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
	_ datasource.DataSourceWithConfigure        = (*shareDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*shareDataSource)(nil)
)

// NewShareDataSource returns the continuity_manila_share data source.
func NewShareDataSource() datasource.DataSource { return &shareDataSource{} }

type shareDataSource struct{ client *Client }

func (d *shareDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = shareTypeName
}

// shareDataAttributes are the computed attributes of a share in the data
// sources, but for id and name.
func shareDataAttributes() map[string]schema.Attribute {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	return map[string]schema.Attribute{
		"description":                           str("Description."),
		"share_proto":                           str("Protocol (NFS, CIFS, ...)."),
		"size":                                  schema.Int64Attribute{Computed: true, MarkdownDescription: "Size in GiB."},
		"status":                                str("Status."),
		"share_type_id":                         str("The share type's ID (microversion 2.6 on)."),
		"share_type_name":                       str("The share type's name (microversion 2.6 on)."),
		"share_network_id":                      str("The share network, if any."),
		"availability_zone":                     str("The availability zone."),
		"snapshot_id":                           str("The snapshot the share was created from, if any."),
		"share_group_id":                        str("The share group, if any (2.31 on)."),
		"consistency_group_id":                  str("The consistency group, if any (2.4 to 2.30)."),
		"source_share_group_snapshot_member_id": str("The share group snapshot member it was restored from, if any."),
		"source_cgsnapshot_member_id":           str("The consistency group snapshot member it was restored from, if any."),
		"is_public":                             schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether every project sees it."},
		"metadata":                              schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Metadata."},
		"project_id":                            str("The owning project."),
		"created_at":                            str("Creation time (UTC, no zone)."),
		"replication_type":                      str("The share type's replication_type, if any."),
		"has_replicas":                          schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it has replicas besides its active one."},
		"export_locations": schema.ListNestedAttribute{Computed: true, MarkdownDescription: "Where to mount it from.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":            str("The export location's ID."),
				"path":          str("The path to mount."),
				"preferred":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the back end prefers it."},
				"is_admin_only": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is for administrators only."},
			}}},
	}
}

func (d *shareDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := shareDataAttributes()
	attrs["id"] = schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{uuidValidator()},
		MarkdownDescription: "The share's ID (a UUID). Exactly one of `id` and `name` must be set."}
	attrs["name"] = schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{nameValidator()},
		MarkdownDescription: "The share's name; exactly one share of the project must have it. Exactly one of `id` and `name` must be set."}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up a Manila share of the project by `id` or by `name`, with its export locations: for instance one " +
			"a group restore made, or one created outside Terraform.",
		Attributes: attrs,
	}
}

func (d *shareDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))}
}

func (d *shareDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// sharesByName finds a share of the project by name.
var sharesByName = byName[Share]{
	kind: "share", kinds: "shares",
	name:      func(s *Share) string { return conv.Deref(s.Name) },
	id:        func(s *Share) string { return s.ID },
	notFound:  "Check the name (it is case-sensitive) and the project the credentials are scoped to.",
	ambiguous: "look one up by id, or list them with continuity_manila_shares.",
}

func (d *shareDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config shareDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var found *Share
	if id := config.ID.ValueString(); id != "" {
		s, err := d.client.GetShare(ctx, id)
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "reading", shareTypeName, id, err)
			return
		}
		found = s
	} else {
		name := config.Name.ValueString()
		q := url.Values{}
		q.Set("name", name)
		all, err := d.client.ListShares(ctx, q)
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "listing shares for", shareTypeName, name, err)
			return
		}
		s, ok := sharesByName.one(all, name, &resp.Diagnostics)
		if !ok {
			return
		}
		found = s
	}
	exports, err := d.client.ShareExportLocations(ctx, found)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading the export locations of", shareTypeName, found.ID, err)
		return
	}
	var state shareDataModel
	state.fromAPI(found, exports)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
