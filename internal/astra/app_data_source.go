package astra

import (
	"context"
	"fmt"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const appTypeName = "continuity_astra_app"

var (
	_ datasource.DataSourceWithConfigure        = (*appDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*appDataSource)(nil)
)

// NewAppDataSource returns the continuity_astra_app data source.
func NewAppDataSource() datasource.DataSource { return &appDataSource{} }

type appDataSource struct{ client *Client }

func (d *appDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = appTypeName
}

func (d *appDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := appComputedAttributes()
	attrs["id"] = schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The app's ID. Exactly one of `id` and `name` must be set.",
		Validators: []validator.String{astraIDValidator("a managed app")}}
	attrs["name"] = schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The app's name. Exactly one of `id` and `name` must be set; " +
		"when several clusters run an app of that name, set `cluster_id` too.", Validators: []validator.String{stringvalidator.LengthBetween(1, 63)}}
	attrs["cluster_id"] = schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "With `name`: look in this managed cluster only.",
		Validators: []validator.String{astraIDValidator("a managed cluster")}}
	attrs["namespace"] = schema.StringAttribute{Optional: true, MarkdownDescription: "With `name`: only the app that has this namespace " +
		"(tells an app from its copy on the same cluster).", Validators: []validator.String{stringvalidator.LengthBetween(1, 63), dns1123Validator}}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up an app managed by Astra Control, by `id` or by `name` (and optionally `cluster_id`), for instance the " +
			"source of a `continuity_astra_app_mirror`.",
		Attributes: attrs,
	}
}

func (d *appDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
		datasourcevalidator.Conflicting(path.MatchRoot("id"), path.MatchRoot("cluster_id")),
		datasourcevalidator.Conflicting(path.MatchRoot("id"), path.MatchRoot("namespace")),
	}
}

func (d *appDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *appDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config appDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var found *App
	if id := config.ID.ValueString(); id != "" {
		a, err := d.client.GetApp(ctx, id)
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "reading", appTypeName, id, err)
			return
		}
		found = a
	} else {
		name, cluster, namespace := config.Name.ValueString(), config.ClusterID.ValueString(), config.Namespace.ValueString()
		list, err := d.client.ListApps(ctx, AppFilter{Name: name, ClusterID: cluster, Namespace: namespace})
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "listing apps for", appTypeName, name, err)
			return
		}
		where := ""
		if cluster != "" {
			where = " on cluster " + cluster
		}
		if namespace != "" {
			where += " with namespace " + namespace
		}
		switch len(list) {
		case 0:
			resp.Diagnostics.AddAttributeError(path.Root("name"), "App not found",
				fmt.Sprintf("No managed app named %q%s exists in the Astra account. Check the name (it is case-sensitive) and that the app is managed.", name, where))
			return
		case 1:
			found = &list[0]
		default:
			var each []string
			for _, a := range list {
				each = append(each, fmt.Sprintf("%s on %s (cluster_id %s)", a.ID, a.ClusterName, a.ClusterID))
			}
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Several apps match",
				fmt.Sprintf("%d managed apps are named %q%s: %s. Set cluster_id or namespace, or look the app up by id.", len(list), name, where, strings.Join(each, "; ")))
			return
		}
	}
	state := appDataModel{Namespace: config.Namespace}
	state.fromAPI(found)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// appComputedAttributes are the attributes every app has, all computed.
func appComputedAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":           schema.StringAttribute{Computed: true, MarkdownDescription: "The app's ID."},
		"name":         schema.StringAttribute{Computed: true, MarkdownDescription: "The app's name."},
		"cluster_id":   schema.StringAttribute{Computed: true, MarkdownDescription: "ID of the managed cluster that runs the app."},
		"cluster_name": schema.StringAttribute{Computed: true, MarkdownDescription: "Name of that cluster."},
		"cluster_type": schema.StringAttribute{Computed: true, MarkdownDescription: "Kind of that cluster: `kubernetes`, `openshift`, `gke`, `aks` or `eks`."},
		"namespaces":   schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The app's namespaces."},
		"state": schema.StringAttribute{Computed: true, MarkdownDescription: "`ready`, `provisioning`, `discovering`, `pending`, `failed`, " +
			"`restoring`, `unavailable`, `unknown` or `deleting`."},
		"protection_state": schema.StringAttribute{Computed: true, MarkdownDescription: "`protected`, `partial`, `atRisk` or `none`."},
		"replication_source_app_id": schema.StringAttribute{Computed: true, MarkdownDescription: "For the destination app of an AppMirror " +
			"relationship that is not failed over: the app it replicates. Null otherwise."},
		"created_at": schema.StringAttribute{Computed: true, MarkdownDescription: "When the app was defined (UTC)."},
	}
}
