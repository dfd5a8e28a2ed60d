package manila

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const sharesTypeName = "continuity_manila_shares"

var _ datasource.DataSourceWithConfigure = (*sharesDataSource)(nil)

// NewSharesDataSource returns the continuity_manila_shares data source.
func NewSharesDataSource() datasource.DataSource { return &sharesDataSource{} }

type sharesDataSource struct{ client *Client }

func (d *sharesDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = sharesTypeName
}

func (d *sharesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	item := shareDataAttributes()
	item["id"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The share's ID."}
	item["name"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The share's name."}
	filter := func(desc string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: desc, Validators: v}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Manila shares of the project, newest first as Manila sorts them, with their export " +
			"locations: all of them, or those that match every filter set. The shares of a group (`share_group_id`, " +
			"`consistency_group_id`) include those a restore from a group snapshot made.",
		Attributes: map[string]schema.Attribute{
			"name":                 filter("Only shares with exactly this name.", nameValidator()),
			"status":               filter("Only shares in this status (`available`, `error`, ...).", stringvalidator.LengthBetween(1, 255)),
			"share_group_id":       filter("Only the shares of this share group (2.31 on).", uuidValidator()),
			"consistency_group_id": filter("Only the shares of this consistency group (2.4 to 2.30).", uuidValidator()),
			"snapshot_id":          filter("Only shares created from this snapshot.", uuidValidator()),
			"share_network_id":     filter("Only shares on this share network.", uuidValidator()),
			"metadata": schema.MapAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Only shares whose metadata holds every one of these keys with these values.",
				Validators:          []validator.Map{mapvalidator.KeysAre(stringvalidator.LengthBetween(1, 255))}},
			"ids": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the shares found."},
			"shares": schema.ListNestedAttribute{Computed: true, MarkdownDescription: "The shares found.",
				NestedObject: schema.NestedAttributeObject{Attributes: item}},
		},
	}
}

func (d *sharesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// pyDictLiteral writes metadata as the Python dict literal Manila's filter
// reads (manila-groups.md §13.1), keys sorted.
func pyDictLiteral(md map[string]string) string {
	keys := make([]string, 0, len(md))
	for k := range md {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	quote := func(s string) string {
		return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
	}
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, quote(k)+": "+quote(md[k]))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func (d *sharesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state sharesDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	filters := state.filters()
	if _, ok := filters["share_group_id"]; ok {
		if err := d.client.Require(ctx, shareGroupAPI); err != nil {
			apierr.AddError(&resp.Diagnostics, "listing", sharesTypeName, "", fmt.Errorf("share_group_id: %w", err))
			return
		}
	}
	if _, ok := filters["consistency_group_id"]; ok {
		if err := d.client.Require(ctx, consistencyGroupAPI); err != nil {
			apierr.AddError(&resp.Diagnostics, "listing", sharesTypeName, "", fmt.Errorf("consistency_group_id: %w", err))
			return
		}
	}
	q := url.Values{}
	for k, v := range filters {
		q.Set(k, v)
	}
	if !state.Metadata.IsNull() {
		var md map[string]string
		resp.Diagnostics.Append(state.Metadata.ElementsAs(ctx, &md, false)...)
		if len(md) > 0 {
			q.Set("metadata", pyDictLiteral(md))
		}
	}
	all, err := d.client.ListShares(ctx, q)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing", sharesTypeName, "", err)
		return
	}
	ids := []string{}
	items := []attr.Value{}
	for i := range all {
		s := &all[i]
		if !state.keep(ctx, s) {
			continue
		}
		exports, err := d.client.ShareExportLocations(ctx, s)
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "reading the export locations of", sharesTypeName, s.ID, err)
			return
		}
		var item shareDataModel
		item.fromAPI(s, exports)
		ids = append(ids, s.ID)
		items = append(items, item.object())
	}
	state.IDs = stringList(ids)
	state.Shares = types.ListValueMust(types.ObjectType{AttrTypes: shareDataAttrTypes}, items)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
