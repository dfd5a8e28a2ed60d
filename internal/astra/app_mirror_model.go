package astra

import (
	"context"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Object types of the list attributes.
var (
	namespaceMappingType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"cluster_id": types.StringType,
		"namespaces": types.ListType{ElemType: types.StringType},
		"role":       types.StringType,
	}}
	storageClassPickType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"cluster_id":         types.StringType,
		"storage_class_name": types.StringType,
		"role":               types.StringType,
	}}
	stateDetailType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"type":   types.StringType,
		"title":  types.StringType,
		"detail": types.StringType,
	}}
)

// appMirrorResourceModel is the resource's state. The attributes describe
// the relationship as configured: source_app_id is the app the user
// replicates, destination_app_id the app created for it, whichever way
// replication runs now; reversed says which way that is.
type appMirrorResourceModel struct {
	ID                   types.String   `tfsdk:"id"`
	SourceAppID          types.String   `tfsdk:"source_app_id"`
	DestinationClusterID types.String   `tfsdk:"destination_cluster_id"`
	NamespaceMapping     types.List     `tfsdk:"namespace_mapping"`
	StorageClasses       types.List     `tfsdk:"storage_classes"`
	StateDesired         types.String   `tfsdk:"state_desired"`
	Reversed             types.Bool     `tfsdk:"reversed"`
	DestinationAppID     types.String   `tfsdk:"destination_app_id"`
	SourceClusterID      types.String   `tfsdk:"source_cluster_id"`
	State                types.String   `tfsdk:"state"`
	HealthState          types.String   `tfsdk:"health_state"`
	TransferState        types.String   `tfsdk:"transfer_state"`
	StateDetails         types.List     `tfsdk:"state_details"`
	Timeouts             timeouts.Value `tfsdk:"timeouts"`
}

// namespaceMappingModel is one namespace_mapping element.
type namespaceMappingModel struct {
	ClusterID  types.String `tfsdk:"cluster_id"`
	Namespaces []string     `tfsdk:"namespaces"`
	Role       types.String `tfsdk:"role"`
}

// storageClassPickModel is one storage_classes element.
type storageClassPickModel struct {
	ClusterID        types.String `tfsdk:"cluster_id"`
	StorageClassName types.String `tfsdk:"storage_class_name"`
	Role             types.String `tfsdk:"role"`
}

// toAPI returns the body of the creation. The plan is wholly known when
// Create runs.
func (m appMirrorResourceModel) toAPI(ctx context.Context, diags *diag.Diagnostics) AppMirrorInput {
	in := AppMirrorInput{SourceAppID: m.SourceAppID.ValueString(), DestinationClusterID: m.DestinationClusterID.ValueString()}
	if !m.NamespaceMapping.IsNull() && !m.NamespaceMapping.IsUnknown() {
		var entries []namespaceMappingModel
		diags.Append(m.NamespaceMapping.ElementsAs(ctx, &entries, false)...)
		for _, e := range entries {
			in.NamespaceMapping = append(in.NamespaceMapping, NamespaceMapping{
				ClusterID: e.ClusterID.ValueString(), Namespaces: e.Namespaces, Role: e.Role.ValueString(),
			})
		}
	}
	if !m.StorageClasses.IsNull() && !m.StorageClasses.IsUnknown() {
		var entries []storageClassPickModel
		diags.Append(m.StorageClasses.ElementsAs(ctx, &entries, false)...)
		for _, e := range entries {
			in.StorageClasses = append(in.StorageClasses, StorageClassPick{
				ClusterID: e.ClusterID.ValueString(), StorageClassName: e.StorageClassName.ValueString(), Role: e.Role.ValueString(),
			})
		}
	}
	return in
}

// isReversed says whether the API's relationship runs from the configured
// destination app back to the configured source app.
func (m appMirrorResourceModel) isReversed(live *AppMirror) bool {
	dest := m.DestinationAppID.ValueString()
	return dest != "" && live.SourceAppID == dest && live.DestinationAppID == m.SourceAppID.ValueString()
}

// fromAPI sets every attribute the API returns, in the configured meaning:
// when reversed, the API's source is the configured destination, and the
// mapping roles, which follow the direction of replication, are turned
// back. Mappings the API does not return keep their known value.
func (m *appMirrorResourceModel) fromAPI(live *AppMirror, reversed bool, diags *diag.Diagnostics) {
	m.ID = types.StringValue(live.ID)
	m.Reversed = types.BoolValue(reversed)
	srcApp, srcCluster, destApp, destCluster := live.SourceAppID, live.SourceClusterID, live.DestinationAppID, live.DestinationClusterID
	if reversed {
		srcApp, srcCluster, destApp, destCluster = destApp, destCluster, srcApp, srcCluster
	}
	m.SourceAppID = types.StringValue(srcApp)
	m.SourceClusterID = types.StringValue(srcCluster)
	m.DestinationClusterID = types.StringValue(destCluster)
	m.DestinationAppID = optionalString(destApp)
	if live.StateDesired != MirrorDeleted {
		m.StateDesired = types.StringValue(live.StateDesired)
	}
	m.State = types.StringValue(live.State)
	m.HealthState = types.StringValue(live.HealthState)
	m.TransferState = optionalString(live.TransferState)

	role := func(r string) types.String {
		if reversed {
			r = otherRole(r)
		}
		return optionalString(r)
	}
	if len(live.NamespaceMapping) > 0 {
		elems := make([]attr.Value, 0, len(live.NamespaceMapping))
		for _, e := range live.NamespaceMapping {
			ns, d := types.ListValueFrom(context.Background(), types.StringType, e.Namespaces)
			diags.Append(d...)
			elems = append(elems, types.ObjectValueMust(namespaceMappingType.AttrTypes, map[string]attr.Value{
				"cluster_id": types.StringValue(e.ClusterID), "namespaces": ns, "role": role(e.Role),
			}))
		}
		m.NamespaceMapping = types.ListValueMust(namespaceMappingType, elems)
	} else if m.NamespaceMapping.IsUnknown() {
		m.NamespaceMapping = types.ListNull(namespaceMappingType)
	}
	if len(live.StorageClasses) > 0 {
		elems := make([]attr.Value, 0, len(live.StorageClasses))
		for _, e := range live.StorageClasses {
			elems = append(elems, types.ObjectValueMust(storageClassPickType.AttrTypes, map[string]attr.Value{
				"cluster_id": types.StringValue(e.ClusterID), "storage_class_name": types.StringValue(e.StorageClassName), "role": role(e.Role),
			}))
		}
		m.StorageClasses = types.ListValueMust(storageClassPickType, elems)
	} else if m.StorageClasses.IsUnknown() {
		m.StorageClasses = types.ListNull(storageClassPickType)
	}
	m.StateDetails = stateDetailsValue(live.StateDetails)
}

// stateDetailsValue renders state details as a list of objects.
func stateDetailsValue(details []StateDetail) types.List {
	elems := make([]attr.Value, 0, len(details))
	for _, d := range details {
		elems = append(elems, types.ObjectValueMust(stateDetailType.AttrTypes, map[string]attr.Value{
			"type": types.StringValue(d.Type), "title": types.StringValue(d.Title), "detail": types.StringValue(d.Detail),
		}))
	}
	return types.ListValueMust(stateDetailType, elems)
}

// otherRole swaps "source" and "destination".
func otherRole(role string) string {
	switch role {
	case "source":
		return "destination"
	case "destination":
		return "source"
	}
	return role
}

// appMirrorDataModel is the data source's state: the relationship as the
// API shows it now (source is the current source of replication).
type appMirrorDataModel struct {
	ID                   types.String `tfsdk:"id"`
	SourceAppID          types.String `tfsdk:"source_app_id"`
	SourceClusterID      types.String `tfsdk:"source_cluster_id"`
	DestinationAppID     types.String `tfsdk:"destination_app_id"`
	DestinationClusterID types.String `tfsdk:"destination_cluster_id"`
	NamespaceMapping     types.List   `tfsdk:"namespace_mapping"`
	StorageClasses       types.List   `tfsdk:"storage_classes"`
	State                types.String `tfsdk:"state"`
	StateDesired         types.String `tfsdk:"state_desired"`
	StateAllowed         []string     `tfsdk:"state_allowed"`
	HealthState          types.String `tfsdk:"health_state"`
	TransferState        types.String `tfsdk:"transfer_state"`
	StateDetails         types.List   `tfsdk:"state_details"`
	Healthy              types.Bool   `tfsdk:"healthy"`
	LastTransferTime     types.String `tfsdk:"last_transfer_time"`
	LagSeconds           types.Int64  `tfsdk:"lag_seconds"`
}

// fromAPI sets every attribute, in the API's direction; the resource's
// model renders the lists.
func (d *appMirrorDataModel) fromAPI(live *AppMirror, diags *diag.Diagnostics) {
	var m appMirrorResourceModel
	m.NamespaceMapping, m.StorageClasses = types.ListNull(namespaceMappingType), types.ListNull(storageClassPickType)
	m.fromAPI(live, false, diags)
	*d = appMirrorDataModel{
		ID: m.ID, SourceAppID: m.SourceAppID, SourceClusterID: m.SourceClusterID, DestinationAppID: m.DestinationAppID,
		DestinationClusterID: m.DestinationClusterID, NamespaceMapping: m.NamespaceMapping, StorageClasses: m.StorageClasses,
		State: m.State, StateDesired: types.StringValue(live.StateDesired), StateAllowed: live.StateAllowed,
		HealthState: m.HealthState, TransferState: m.TransferState, StateDetails: m.StateDetails,
	}
	if d.StateAllowed == nil {
		d.StateAllowed = []string{}
	}
	d.setPosture(live, time.Now())
}

// setPosture sets the attributes a check block asserts on, at now:
// healthy, the last transfer's time and the lag behind it.
func (d *appMirrorDataModel) setPosture(live *AppMirror, now time.Time) {
	d.Healthy = types.BoolValue(mirrorHealthy(live))
	d.LastTransferTime, d.LagSeconds = types.StringNull(), types.Int64Null()
	if last, ok := live.LastTransfer(); ok {
		d.LastTransferTime = types.StringValue(last.UTC().Format(time.RFC3339))
		d.LagSeconds = types.Int64Value(conv.AgeSeconds(last, now))
	}
}

// mirrorHealthy reports whether a relationship protects its app: it is
// established and meant to be, and its health is normal (critical when a
// reconcile or the most recent snapshot's replication failed, astra.md
// §2.3).
func mirrorHealthy(m *AppMirror) bool {
	return m.State == MirrorEstablished && m.StateDesired == MirrorEstablished && m.HealthState == "normal"
}
