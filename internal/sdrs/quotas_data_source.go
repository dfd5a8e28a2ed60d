package sdrs

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const quotasTypeName = "continuity_sdrs_quotas"

var _ datasource.DataSourceWithConfigure = (*quotasDataSource)(nil)

// NewQuotasDataSource returns the continuity_sdrs_quotas data source.
func NewQuotasDataSource() datasource.DataSource { return &quotasDataSource{} }

type quotasDataSource struct{ client *Client }

// quotasDataModel is the state of continuity_sdrs_quotas.
type quotasDataModel struct {
	Resources        []quotaItem `tfsdk:"resources"`
	ProtectionGroups *quotaItem  `tfsdk:"protection_groups"`
	ReplicationPairs *quotaItem  `tfsdk:"replication_pairs"`
}

// quotaItem is one resource quota.
type quotaItem struct {
	Type      types.String `tfsdk:"type"`
	Used      types.Int64  `tfsdk:"used"`
	Quota     types.Int64  `tfsdk:"quota"`
	Min       types.Int64  `tfsdk:"min"`
	Max       types.Int64  `tfsdk:"max"`
	Available types.Int64  `tfsdk:"available"`
}

// quotaItemFromAPI converts a quota; available is quota - used, or -1 when
// the quota is unlimited (-1).
func quotaItemFromAPI(q *Quota) quotaItem {
	available := int64(-1)
	if q.Quota >= 0 {
		available = max(0, int64(q.Quota)-int64(q.Used))
	}
	return quotaItem{Type: types.StringValue(q.Type), Used: types.Int64Value(int64(q.Used)), Quota: types.Int64Value(int64(q.Quota)),
		Min: types.Int64Value(int64(q.Min)), Max: types.Int64Value(int64(q.Max)), Available: types.Int64Value(available)}
}

func (d *quotasDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = quotasTypeName
}

func (d *quotasDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	num := func(desc string) schema.Int64Attribute {
		return schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
	}
	quota := map[string]schema.Attribute{
		"type":      schema.StringAttribute{Computed: true, MarkdownDescription: "Resource type: `server_groups` or `replications`."},
		"used":      num("How many the project has (replication pairs: those of protected instances too)."),
		"quota":     num("The quota; `-1`: unlimited."),
		"min":       num("The smallest quota allowed."),
		"max":       num("The largest quota allowed; `-1`: unlimited."),
		"available": num("How many more the project may make (`quota - used`); `-1`: unlimited."),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The project's SDRS quotas: protection groups and replication pairs (SDRS has no quota of protected " +
			"instances or drills).",
		Attributes: map[string]schema.Attribute{
			"resources": schema.ListNestedAttribute{Computed: true, MarkdownDescription: "Every quota, as the API lists them.",
				NestedObject: schema.NestedAttributeObject{Attributes: quota}},
			"protection_groups": schema.SingleNestedAttribute{Computed: true, Attributes: quota,
				MarkdownDescription: "The quota of protection groups (`server_groups`); null when the API has none."},
			"replication_pairs": schema.SingleNestedAttribute{Computed: true, Attributes: quota,
				MarkdownDescription: "The quota of replication pairs (`replications`); null when the API has none."},
		},
	}
}

func (d *quotasDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *quotasDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	quotas, err := d.client.ListQuotas(ctx)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", quotasTypeName, "", err)
		return
	}
	state := quotasDataModel{Resources: make([]quotaItem, 0, len(quotas))}
	for i := range quotas {
		item := quotaItemFromAPI(&quotas[i])
		state.Resources = append(state.Resources, item)
		switch quotas[i].Type {
		case "server_groups":
			state.ProtectionGroups = &item
		case "replications":
			state.ReplicationPairs = &item
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
