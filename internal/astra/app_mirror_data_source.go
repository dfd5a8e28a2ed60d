package astra

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*appMirrorDataSource)(nil)

// NewAppMirrorDataSource returns the continuity_astra_app_mirror data source.
func NewAppMirrorDataSource() datasource.DataSource { return &appMirrorDataSource{} }

type appMirrorDataSource struct{ client *Client }

func (d *appMirrorDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = appMirrorTypeName
}

func (d *appMirrorDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	role := computedString("`source` or `destination`, as the API reports it (roles follow the current direction of replication); null when not set.")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads an Astra Control AppMirror relationship by `id`, as the API shows it now: unlike the resource, whose " +
			"attributes keep their configured meaning, `source_app_id` here is the app replication currently runs from.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Required: true, MarkdownDescription: "The AppMirror's ID.",
				Validators: []validator.String{astraIDValidator("an AppMirror")}},
			"source_app_id":          computedString("ID of the app replication runs from now."),
			"source_cluster_id":      computedString("ID of that app's cluster."),
			"destination_app_id":     computedString("ID of the app replication runs to now; null while the API has not created it."),
			"destination_cluster_id": computedString("ID of that app's cluster."),
			"namespace_mapping": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "Namespaces of the app on each cluster; null when the relationship was created without.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"cluster_id": computedString("Cluster of the entry."),
					"namespaces": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Namespaces on that cluster."},
					"role":       role,
				}},
			},
			"storage_classes": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "Storage class for new volumes on each cluster; null when the relationship was created without.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"cluster_id":         computedString("Cluster of the entry."),
					"storage_class_name": computedString("Kubernetes name of the storage class."),
					"role":               role,
				}},
			},
			"state":         computedString("`establishing`, `established`, `failingOver`, `failedOver` or `deleting`."),
			"state_desired": computedString("The state the relationship heads for: `established`, `failedOver` or `deleted`."),
			"state_allowed": schema.ListAttribute{Computed: true, ElementType: types.StringType,
				MarkdownDescription: "The states that can be requested now."},
			"health_state":   computedString("`normal`, `warning`, `critical` or `indeterminate`."),
			"transfer_state": computedString("`transferring` or `idle`."),
			"healthy": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the relationship protects its app now: " +
				"`state` and `state_desired` are `established` and `health_state` is `normal` (the API reports `critical` when the most " +
				"recent snapshot failed to replicate or a reconcile failed). For a `check` block."},
			"last_transfer_time": computedString("When the newest snapshot transfer completed (RFC 3339, the `completionTime` of " +
				"`transferStateDetails`); null while none has. For a `check` block."),
			"lag_seconds": schema.Int64Attribute{Computed: true, MarkdownDescription: "Seconds from `last_transfer_time` to the time " +
				"of the read: how far the destination is behind. Null while no transfer completed. Computed when read, so it is on the " +
				"data source only. For a `check` block."},
			"state_details": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "Why the relationship is in its state.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"type": computedString("URI of the kind of detail."), "title": computedString("Short summary."), "detail": computedString("Explanation."),
				}},
			},
		},
	}
}

func (d *appMirrorDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *appMirrorDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config appMirrorDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := config.ID.ValueString()
	live, err := d.client.GetAppMirror(ctx, id)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", appMirrorTypeName, id, err)
		return
	}
	var state appMirrorDataModel
	state.fromAPI(live, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
