package astra

import "github.com/hashicorp/terraform-plugin-framework/types"

// appModel is a managed app as the data sources show it.
type appModel struct {
	ID                     types.String `tfsdk:"id"`
	Name                   types.String `tfsdk:"name"`
	ClusterID              types.String `tfsdk:"cluster_id"`
	ClusterName            types.String `tfsdk:"cluster_name"`
	ClusterType            types.String `tfsdk:"cluster_type"`
	Namespaces             []string     `tfsdk:"namespaces"`
	State                  types.String `tfsdk:"state"`
	ProtectionState        types.String `tfsdk:"protection_state"`
	ReplicationSourceAppID types.String `tfsdk:"replication_source_app_id"`
	CreatedAt              types.String `tfsdk:"created_at"`
}

func (m *appModel) fromAPI(a *App) {
	m.ID = types.StringValue(a.ID)
	m.Name = types.StringValue(a.Name)
	m.ClusterID = types.StringValue(a.ClusterID)
	m.ClusterName = types.StringValue(a.ClusterName)
	m.ClusterType = optionalString(a.ClusterType)
	m.Namespaces = a.Namespaces
	if m.Namespaces == nil {
		m.Namespaces = []string{}
	}
	m.State = types.StringValue(a.State)
	m.ProtectionState = optionalString(a.ProtectionState)
	m.ReplicationSourceAppID = optionalString(a.ReplicationSourceAppID)
	m.CreatedAt = types.StringNull()
	if a.Metadata != nil {
		m.CreatedAt = optionalString(a.Metadata.CreationTimestamp)
	}
}

// namespace it was looked up by.
type appDataModel struct {
	appModel
	Namespace types.String `tfsdk:"namespace"`
}

// appsDataModel is the continuity_astra_apps state.
type appsDataModel struct {
	Name        types.String `tfsdk:"name"`
	ClusterID   types.String `tfsdk:"cluster_id"`
	ClusterName types.String `tfsdk:"cluster_name"`
	Namespace   types.String `tfsdk:"namespace"`
	State       types.String `tfsdk:"state"`
	IDs         []string     `tfsdk:"ids"`
	Apps        []appModel   `tfsdk:"apps"`
}
