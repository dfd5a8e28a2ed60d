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

const managedClusterTypeName = "continuity_astra_managed_cluster"

var (
	_ datasource.DataSourceWithConfigure        = (*managedClusterDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*managedClusterDataSource)(nil)
)

// NewManagedClusterDataSource returns the continuity_astra_managed_cluster data source.
func NewManagedClusterDataSource() datasource.DataSource { return &managedClusterDataSource{} }

type managedClusterDataSource struct{ client *Client }

func (d *managedClusterDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = managedClusterTypeName
}

func (d *managedClusterDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up a Kubernetes cluster managed by Astra Control, by `id` or by `name`, for instance the " +
			"`destination_cluster_id` of a `continuity_astra_app_mirror`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The cluster's ID. Exactly one of `id` and `name` must be set.",
				Validators: []validator.String{astraIDValidator("a managed cluster")}},
			"name": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The cluster's name. Exactly one of `id` and `name` must be set.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 63)}},
			"cluster_type":             computedString("`kubernetes`, `openshift`, `rke`, `tanzu`, `anthos`, `gke`, `aks` or `eks`."),
			"cluster_version":          computedString("Kubernetes version, e.g. `v1.29.4`."),
			"state":                    computedString("`running`, `pending`, `discovering`, `provisioning`, `failed`, `removed`, `unknown` or `deleting`."),
			"managed_state":            computedString("`managed`, `managing`, `pending`, `ineligible`, `unmanaged` or `deleting`."),
			"trident_version":          computedString("Version of Astra Trident on the cluster, when known."),
			"in_use":                   schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether managed apps run on the cluster."},
			"namespaces":               schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The cluster's namespaces, as Astra Control discovered them."},
			"cloud_id":                 computedString("ID of the cloud the cluster belongs to."),
			"default_storage_class_id": computedString("ID of the cluster's default storage class."),
			"default_storage_class_name": computedString("Kubernetes name of the default storage class (what `storage_classes` of " +
				"`continuity_astra_app_mirror` takes); null when the cluster has none."),
		},
	}
}

func (d *managedClusterDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))}
}

func (d *managedClusterDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *managedClusterDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config managedClusterModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var found *ManagedCluster
	if id := config.ID.ValueString(); id != "" {
		c, err := d.client.GetManagedCluster(ctx, id)
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "reading", managedClusterTypeName, id, err)
			return
		}
		found = c
	} else {
		name := config.Name.ValueString()
		list, err := d.client.ListManagedClusters(ctx, name)
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "listing managed clusters for", managedClusterTypeName, name, err)
			return
		}
		switch len(list) {
		case 0:
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Managed cluster not found",
				fmt.Sprintf("No managed cluster named %q exists in the Astra account. Check the name (it is case-sensitive) and that the cluster is managed.", name))
			return
		case 1:
			found = &list[0]
		default:
			ids := make([]string, len(list))
			for i, c := range list {
				ids[i] = c.ID
			}
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Several managed clusters match",
				fmt.Sprintf("%d managed clusters are named %q (%s); look one up by id instead.", len(list), name, strings.Join(ids, ", ")))
			return
		}
	}
	var state managedClusterModel
	state.fromAPI(found)
	if found.DefaultStorageClass != "" {
		classes, err := d.client.ListStorageClasses(ctx, found.ID)
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "listing the storage classes of", managedClusterTypeName, found.ID, err)
			return
		}
		for _, sc := range classes {
			if sc.ID == found.DefaultStorageClass {
				state.DefaultStorageClassName = types.StringValue(sc.Name)
			}
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
