package astra

import "github.com/hashicorp/terraform-plugin-framework/types"

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

// fromAPI sets every attribute the cluster's answer holds;
// default_storage_class_name, which needs the cluster's storage classes, is
// null until the caller sets it.
func (m *managedClusterModel) fromAPI(c *ManagedCluster) {
	*m = managedClusterModel{
		ID: types.StringValue(c.ID), Name: types.StringValue(c.Name), ClusterType: types.StringValue(c.ClusterType),
		ClusterVersion: optionalString(c.ClusterVersionString), State: types.StringValue(c.State),
		ManagedState: types.StringValue(c.ManagedState), TridentVersion: optionalString(c.TridentVersion),
		InUse: types.BoolValue(c.InUse == "true"), Namespaces: c.Namespaces, CloudID: optionalString(c.CloudID),
		DefaultStorageClassID: optionalString(c.DefaultStorageClass), DefaultStorageClassName: types.StringNull(),
	}
	if m.Namespaces == nil {
		m.Namespaces = []string{}
	}
}
