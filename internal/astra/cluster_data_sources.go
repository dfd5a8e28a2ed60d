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

const (
	managedClusterTypeName = "continuity_astra_managed_cluster"
	storageClassesTypeName = "continuity_astra_storage_classes"
)

var (
	_ datasource.DataSourceWithConfigure        = (*managedClusterDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*managedClusterDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*storageClassesDataSource)(nil)
)

// NewManagedClusterDataSource returns the continuity_astra_managed_cluster data source.
func NewManagedClusterDataSource() datasource.DataSource { return &managedClusterDataSource{} }

type managedClusterDataSource struct{ client *Client }

// managedClusterModel is the continuity_astra_managed_cluster state.
type managedClusterModel struct {
	ID                      types.String `tfsdk:"id"`
	Name                    types.String `tfsdk:"name"`
	ClusterType             types.String `tfsdk:"cluster_type"`
	ClusterVersion          types.String `tfsdk:"cluster_version"`
	State                   types.String `tfsdk:"state"`
	ManagedState            types.String `tfsdk:"managed_state"`
	TridentVersion          types.String `tfsdk:"trident_version"`
	InUse                   types.Bool   `tfsdk:"in_use"`
	Namespaces              []string     `tfsdk:"namespaces"`
	CloudID                 types.String `tfsdk:"cloud_id"`
	DefaultStorageClassID   types.String `tfsdk:"default_storage_class_id"`
	DefaultStorageClassName types.String `tfsdk:"default_storage_class_name"`
}

func (d *managedClusterDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = managedClusterTypeName
}

func (d *managedClusterDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up a Kubernetes cluster managed by Astra Control, by `id` or by `name`, for instance the " +
			"`destination_cluster_id` of a `continuity_astra_app_mirror`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The cluster's ID. Exactly one of `id` and `name` must be set.",
				Validators: []validator.String{uuidValidator("a managed cluster")}},
			"name": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The cluster's name. Exactly one of `id` and `name` must be set.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 63)}},
			"cluster_type":             computed("`kubernetes`, `openshift`, `rke`, `tanzu`, `anthos`, `gke`, `aks` or `eks`."),
			"cluster_version":          computed("Kubernetes version, e.g. `v1.29.4`."),
			"state":                    computed("`running`, `pending`, `discovering`, `provisioning`, `failed`, `removed`, `unknown` or `deleting`."),
			"managed_state":            computed("`managed`, `managing`, `pending`, `ineligible`, `unmanaged` or `deleting`."),
			"trident_version":          computed("Version of Astra Trident on the cluster, when known."),
			"in_use":                   schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether managed apps run on the cluster."},
			"namespaces":               schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The cluster's namespaces, as Astra Control discovered them."},
			"cloud_id":                 computed("ID of the cloud the cluster belongs to."),
			"default_storage_class_id": computed("ID of the cluster's default storage class."),
			"default_storage_class_name": computed("Kubernetes name of the default storage class (what `storage_classes` of " +
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
	state := managedClusterModel{
		ID: types.StringValue(found.ID), Name: types.StringValue(found.Name), ClusterType: types.StringValue(found.ClusterType),
		ClusterVersion: optionalString(found.ClusterVersionString), State: types.StringValue(found.State),
		ManagedState: types.StringValue(found.ManagedState), TridentVersion: optionalString(found.TridentVersion),
		InUse: types.BoolValue(found.InUse == "true"), Namespaces: found.Namespaces, CloudID: optionalString(found.CloudID),
		DefaultStorageClassID: optionalString(found.DefaultStorageClass), DefaultStorageClassName: types.StringNull(),
	}
	if state.Namespaces == nil {
		state.Namespaces = []string{}
	}
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

// NewStorageClassesDataSource returns the continuity_astra_storage_classes data source.
func NewStorageClassesDataSource() datasource.DataSource { return &storageClassesDataSource{} }

type storageClassesDataSource struct{ client *Client }

// storageClassesModel is the continuity_astra_storage_classes state.
type storageClassesModel struct {
	ClusterID      types.String        `tfsdk:"cluster_id"`
	Names          []string            `tfsdk:"names"`
	DefaultName    types.String        `tfsdk:"default_name"`
	StorageClasses []storageClassModel `tfsdk:"storage_classes"`
}

// storageClassModel is one storage class.
type storageClassModel struct {
	ID                   types.String `tfsdk:"id"`
	Name                 types.String `tfsdk:"name"`
	Provisioner          types.String `tfsdk:"provisioner"`
	IsDefault            types.Bool   `tfsdk:"is_default"`
	Available            types.String `tfsdk:"available"`
	AllowVolumeExpansion types.String `tfsdk:"allow_volume_expansion"`
	ReclaimPolicy        types.String `tfsdk:"reclaim_policy"`
	VolumeBindingMode    types.String `tfsdk:"volume_binding_mode"`
}

func (d *storageClassesDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = storageClassesTypeName
}

func (d *storageClassesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the storage classes of a managed cluster, whose names go into `storage_classes` of a " +
			"`continuity_astra_app_mirror`.",
		Attributes: map[string]schema.Attribute{
			"cluster_id": schema.StringAttribute{Required: true, MarkdownDescription: "ID of the managed cluster.",
				Validators: []validator.String{uuidValidator("a managed cluster")}},
			"names":        schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Names of the storage classes, in the API's order."},
			"default_name": computed("Name of the cluster's default storage class; null when it has none."),
			"storage_classes": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The storage classes, in the API's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":                     computed("Astra ID of the storage class."),
					"name":                   computed("Kubernetes name."),
					"provisioner":            computed("CSI provisioner, e.g. `csi.trident.netapp.io`."),
					"is_default":             schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is the cluster's default."},
					"available":              computed("`available`, `eligible` or `ineligible` for Astra Control."),
					"allow_volume_expansion": computed("`true`, `false` or `unavailable`."),
					"reclaim_policy":         computed("Kubernetes reclaim policy, e.g. `Delete`."),
					"volume_binding_mode":    computed("Kubernetes volume binding mode, e.g. `Immediate`."),
				}},
			},
		},
	}
}

func (d *storageClassesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *storageClassesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state storageClassesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ClusterID.ValueString()
	list, err := d.client.ListStorageClasses(ctx, id)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing the storage classes of cluster", storageClassesTypeName, id, err)
		return
	}
	state.Names = make([]string, len(list))
	state.StorageClasses = make([]storageClassModel, len(list))
	state.DefaultName = types.StringNull()
	for i, sc := range list {
		state.Names[i] = sc.Name
		state.StorageClasses[i] = storageClassModel{
			ID: types.StringValue(sc.ID), Name: types.StringValue(sc.Name), Provisioner: types.StringValue(sc.Provisioner),
			IsDefault: types.BoolValue(sc.IsDefault == "true"), Available: optionalString(sc.Available),
			AllowVolumeExpansion: optionalString(sc.AllowVolumeExpansion), ReclaimPolicy: optionalString(sc.ReclaimPolicy),
			VolumeBindingMode: optionalString(sc.VolumeBindingMode),
		}
		if sc.IsDefault == "true" {
			state.DefaultName = types.StringValue(sc.Name)
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
