package astra

import "github.com/hashicorp/terraform-plugin-framework/types"

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

// fromAPI sets the computed attributes from the cluster's storage classes.
func (m *storageClassesModel) fromAPI(list []StorageClass) {
	m.Names = make([]string, len(list))
	m.StorageClasses = make([]storageClassModel, len(list))
	m.DefaultName = types.StringNull()
	for i, sc := range list {
		m.Names[i] = sc.Name
		m.StorageClasses[i] = storageClassModel{
			ID: types.StringValue(sc.ID), Name: types.StringValue(sc.Name), Provisioner: types.StringValue(sc.Provisioner),
			IsDefault: types.BoolValue(sc.IsDefault == "true"), Available: optionalString(sc.Available),
			AllowVolumeExpansion: optionalString(sc.AllowVolumeExpansion), ReclaimPolicy: optionalString(sc.ReclaimPolicy),
			VolumeBindingMode: optionalString(sc.VolumeBindingMode),
		}
		if sc.IsDefault == "true" {
			m.DefaultName = types.StringValue(sc.Name)
		}
	}
}
