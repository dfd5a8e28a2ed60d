package astra

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

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

// Object types of the app resource's nested attributes.
var (
	namespaceResourceType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"namespace":       types.StringType,
		"label_selectors": types.ListType{ElemType: types.StringType},
	}}
	clusterResourceType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"group":           types.StringType,
		"version":         types.StringType,
		"kind":            types.StringType,
		"label_selectors": types.ListType{ElemType: types.StringType},
	}}
	namespacePairType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"source":      types.StringType,
		"destination": types.StringType,
	}}
	gvknType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"group":           types.StringType,
		"version":         types.StringType,
		"kind":            types.StringType,
		"namespaces":      types.ListType{ElemType: types.StringType},
		"names":           types.ListType{ElemType: types.StringType},
		"label_selectors": types.ListType{ElemType: types.StringType},
	}}
	restoreFilterType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"resource_selection_criteria": types.StringType,
		"resources":                   types.ListType{ElemType: gvknType},
	}}
	inPlaceRestoreType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"snapshot_name":  types.StringType,
		"backup_name":    types.StringType,
		"snapshot_id":    types.StringType,
		"backup_id":      types.StringType,
		"restore_filter": restoreFilterType,
		"trigger":        types.StringType,
	}}
)

// appResourceModel is the continuity_astra_app resource's state: a managed
// app (namespace_scoped_resources), or one made by a restore (snapshot_id,
// backup_id) or a live clone (source_app_id).
type appResourceModel struct {
	ID                       types.String   `tfsdk:"id"`
	Name                     types.String   `tfsdk:"name"`
	ClusterID                types.String   `tfsdk:"cluster_id"`
	NamespaceScopedResources types.List     `tfsdk:"namespace_scoped_resources"`
	ClusterScopedResources   types.List     `tfsdk:"cluster_scoped_resources"`
	SnapshotID               types.String   `tfsdk:"snapshot_id"`
	BackupID                 types.String   `tfsdk:"backup_id"`
	SourceAppID              types.String   `tfsdk:"source_app_id"`
	SourceClusterID          types.String   `tfsdk:"source_cluster_id"`
	NamespaceMapping         types.List     `tfsdk:"namespace_mapping"`
	StorageClassMapping      types.List     `tfsdk:"storage_class_mapping"`
	RestoreFilter            types.Object   `tfsdk:"restore_filter"`
	InPlaceRestore           types.Object   `tfsdk:"in_place_restore"`
	State                    types.String   `tfsdk:"state"`
	StateDetails             types.List     `tfsdk:"state_details"`
	ProtectionState          types.String   `tfsdk:"protection_state"`
	Namespaces               types.List     `tfsdk:"namespaces"`
	ClusterName              types.String   `tfsdk:"cluster_name"`
	ClusterType              types.String   `tfsdk:"cluster_type"`
	ReplicationSourceAppID   types.String   `tfsdk:"replication_source_app_id"`
	CreatedAt                types.String   `tfsdk:"created_at"`
	Timeouts                 timeouts.Value `tfsdk:"timeouts"`
}

// namespaceResourceModel is one namespace_scoped_resources element.
type namespaceResourceModel struct {
	Namespace      types.String `tfsdk:"namespace"`
	LabelSelectors types.List   `tfsdk:"label_selectors"`
}

// clusterResourceModel is one cluster_scoped_resources element.
type clusterResourceModel struct {
	Group          types.String `tfsdk:"group"`
	Version        types.String `tfsdk:"version"`
	Kind           types.String `tfsdk:"kind"`
	LabelSelectors types.List   `tfsdk:"label_selectors"`
}

// namespacePairModel is one namespace_mapping or storage_class_mapping element.
type namespacePairModel struct {
	Source      types.String `tfsdk:"source"`
	Destination types.String `tfsdk:"destination"`
}

// restoreFilterModel is restore_filter.
type restoreFilterModel struct {
	ResourceSelectionCriteria types.String `tfsdk:"resource_selection_criteria"`
	Resources                 []gvknModel  `tfsdk:"resources"`
}

// gvknModel is one restore_filter resources element.
type gvknModel struct {
	Group          types.String `tfsdk:"group"`
	Version        types.String `tfsdk:"version"`
	Kind           types.String `tfsdk:"kind"`
	Namespaces     types.List   `tfsdk:"namespaces"`
	Names          types.List   `tfsdk:"names"`
	LabelSelectors types.List   `tfsdk:"label_selectors"`
}

// inPlaceRestoreModel is in_place_restore.
type inPlaceRestoreModel struct {
	SnapshotName  types.String `tfsdk:"snapshot_name"`
	BackupName    types.String `tfsdk:"backup_name"`
	SnapshotID    types.String `tfsdk:"snapshot_id"`
	BackupID      types.String `tfsdk:"backup_id"`
	RestoreFilter types.Object `tfsdk:"restore_filter"`
	Trigger       types.String `tfsdk:"trigger"`
}

// known reports whether v has a value the provider can send.
func known(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }

// strings returns a known list of strings, or nil.
func listStrings(ctx context.Context, l types.List, diags *diag.Diagnostics) []string {
	if !known(l) {
		return nil
	}
	var out []string
	diags.Append(l.ElementsAs(ctx, &out, false)...)
	return out
}

// optionalList renders strings as a list, null when empty.
func optionalList(s []string) types.List {
	if len(s) == 0 {
		return types.ListNull(types.StringType)
	}
	return stringList(s)
}

// hasSource reports whether the app is made by a restore or a clone.
func (m appResourceModel) hasSource() bool {
	return !m.SnapshotID.IsNull() || !m.BackupID.IsNull() || !m.SourceAppID.IsNull()
}

// toAPI returns the body of the create: a manage, or a restore or a clone.
func (m appResourceModel) toAPI(ctx context.Context, diags *diag.Diagnostics) AppCreate {
	in := AppCreate{Name: m.Name.ValueString(), ClusterID: m.ClusterID.ValueString()}
	if known(m.NamespaceScopedResources) {
		var entries []namespaceResourceModel
		diags.Append(m.NamespaceScopedResources.ElementsAs(ctx, &entries, false)...)
		for _, e := range entries {
			in.NamespaceScopedResources = append(in.NamespaceScopedResources, NamespaceResource{
				Namespace: e.Namespace.ValueString(), LabelSelectors: listStrings(ctx, e.LabelSelectors, diags)})
		}
	}
	if known(m.ClusterScopedResources) {
		var entries []clusterResourceModel
		diags.Append(m.ClusterScopedResources.ElementsAs(ctx, &entries, false)...)
		for _, e := range entries {
			in.ClusterScopedResources = append(in.ClusterScopedResources, ClusterResource{
				GVK:            GVK{Group: e.Group.ValueString(), Version: e.Version.ValueString(), Kind: e.Kind.ValueString()},
				LabelSelectors: listStrings(ctx, e.LabelSelectors, diags)})
		}
	}
	if known(m.SnapshotID) {
		in.SnapshotID = m.SnapshotID.ValueString()
	}
	if known(m.BackupID) {
		in.BackupID = m.BackupID.ValueString()
	}
	if known(m.SourceAppID) {
		in.SourceAppID = m.SourceAppID.ValueString()
	}
	in.NamespaceMapping = pairsToAPI[NamespacePair](ctx, m.NamespaceMapping, diags)
	in.StorageClassMapping = pairsToAPI[StorageClassPair](ctx, m.StorageClassMapping, diags)
	in.RestoreFilter = restoreFilterToAPI(ctx, m.RestoreFilter, diags)
	return in
}

// pairsToAPI converts namespace_mapping or storage_class_mapping.
func pairsToAPI[T NamespacePair | StorageClassPair](ctx context.Context, l types.List, diags *diag.Diagnostics) []T {
	if !known(l) {
		return nil
	}
	var entries []namespacePairModel
	diags.Append(l.ElementsAs(ctx, &entries, false)...)
	out := make([]T, 0, len(entries))
	for _, e := range entries {
		out = append(out, T{Source: e.Source.ValueString(), Destination: e.Destination.ValueString()})
	}
	return out
}

// restoreFilterToAPI converts a restore_filter object, or returns nil.
func restoreFilterToAPI(ctx context.Context, o types.Object, diags *diag.Diagnostics) *RestoreFilter {
	if !known(o) {
		return nil
	}
	var f restoreFilterModel
	diags.Append(o.As(ctx, &f, basetypes.ObjectAsOptions{})...)
	out := &RestoreFilter{ResourceSelectionCriteria: f.ResourceSelectionCriteria.ValueString()}
	for _, g := range f.Resources {
		out.GVKN = append(out.GVKN, GVKN{Group: g.Group.ValueString(), Version: g.Version.ValueString(), Kind: g.Kind.ValueString(),
			Namespaces: listStrings(ctx, g.Namespaces, diags), Names: listStrings(ctx, g.Names, diags),
			LabelSelectors: listStrings(ctx, g.LabelSelectors, diags)})
	}
	return out
}

// source returns what an in_place_restore restores from: "snapshot" or
// "backup", the attribute that names it, and its name or ID.
func (r inPlaceRestoreModel) source() (what, attribute string, value types.String) {
	for _, c := range []struct {
		what, attribute string
		v               types.String
	}{
		{"snapshot", "snapshot_name", r.SnapshotName}, {"backup", "backup_name", r.BackupName},
		{"snapshot", "snapshot_id", r.SnapshotID}, {"backup", "backup_id", r.BackupID},
	} {
		if !c.v.IsNull() {
			return c.what, c.attribute, c.v
		}
	}
	return "", "", types.StringNull()
}

// fromAPI sets the attributes the API returns. How the app was made
// (snapshot_id, backup_id, source_app_id, the mappings and the restore
// filter) cannot change: a value the state knows is kept (a server may
// report the source of a later in-place restore there), and the API's is
// taken where the state has none, as after an import or a create that
// left them to the server. in_place_restore is the configuration's: the
// API does not report in-place restores.
func (m *appResourceModel) fromAPI(a *App, diags *diag.Diagnostics) {
	imported := m.Name.IsNull()
	m.ID = types.StringValue(a.ID)
	m.Name = types.StringValue(a.Name)
	m.ClusterID = types.StringValue(a.ClusterID)
	m.NamespaceScopedResources = namespaceResourcesValue(a.NamespaceScopedResources)
	m.ClusterScopedResources = clusterResourcesValue(a.ClusterScopedResources)
	keep := func(v types.String, api string) types.String {
		if imported || v.IsUnknown() {
			return optionalString(api)
		}
		return v
	}
	m.SnapshotID = keep(m.SnapshotID, a.SnapshotID)
	m.BackupID = keep(m.BackupID, a.BackupID)
	m.SourceAppID = keep(m.SourceAppID, a.SourceAppID)
	m.SourceClusterID = optionalString(a.SourceClusterID)
	if imported || m.NamespaceMapping.IsUnknown() {
		m.NamespaceMapping = pairsValue(a.NamespaceMapping)
	}
	if imported || m.StorageClassMapping.IsUnknown() {
		pairs := make([]NamespacePair, len(a.StorageClassMapping))
		for i, p := range a.StorageClassMapping {
			pairs[i] = NamespacePair(p)
		}
		m.StorageClassMapping = pairsValue(pairs)
	}
	if imported || m.RestoreFilter.IsUnknown() {
		m.RestoreFilter = restoreFilterValue(a.RestoreFilter, diags)
	}
	if imported || m.InPlaceRestore.IsUnknown() {
		m.InPlaceRestore = types.ObjectNull(inPlaceRestoreType.AttrTypes)
	}
	m.State = types.StringValue(a.State)
	m.StateDetails = stateDetailsValue(a.StateDetails)
	m.ProtectionState = optionalString(a.ProtectionState)
	m.Namespaces = stringList(a.Namespaces)
	m.ClusterName = optionalString(a.ClusterName)
	m.ClusterType = optionalString(a.ClusterType)
	m.ReplicationSourceAppID = optionalString(a.ReplicationSourceAppID)
	m.CreatedAt = types.StringNull()
	if a.Metadata != nil {
		m.CreatedAt = optionalString(a.Metadata.CreationTimestamp)
	}
}

// namespaceResourcesValue renders a definition; no selectors is null.
func namespaceResourcesValue(rs []NamespaceResource) types.List {
	elems := make([]attr.Value, len(rs))
	for i, r := range rs {
		elems[i] = types.ObjectValueMust(namespaceResourceType.AttrTypes, map[string]attr.Value{
			"namespace": types.StringValue(r.Namespace), "label_selectors": optionalList(r.LabelSelectors)})
	}
	return types.ListValueMust(namespaceResourceType, elems)
}

// clusterResourcesValue renders cluster-scoped resources, null when none
// (the core group "" as null).
func clusterResourcesValue(rs []ClusterResource) types.List {
	if len(rs) == 0 {
		return types.ListNull(clusterResourceType)
	}
	elems := make([]attr.Value, len(rs))
	for i, r := range rs {
		elems[i] = types.ObjectValueMust(clusterResourceType.AttrTypes, map[string]attr.Value{
			"group": optionalString(r.GVK.Group), "version": types.StringValue(r.GVK.Version), "kind": types.StringValue(r.GVK.Kind),
			"label_selectors": optionalList(r.LabelSelectors)})
	}
	return types.ListValueMust(clusterResourceType, elems)
}

// pairsValue renders mapping pairs, null when none.
func pairsValue(pairs []NamespacePair) types.List {
	if len(pairs) == 0 {
		return types.ListNull(namespacePairType)
	}
	elems := make([]attr.Value, len(pairs))
	for i, p := range pairs {
		elems[i] = types.ObjectValueMust(namespacePairType.AttrTypes, map[string]attr.Value{
			"source": types.StringValue(p.Source), "destination": types.StringValue(p.Destination)})
	}
	return types.ListValueMust(namespacePairType, elems)
}

// restoreFilterValue renders a restore filter, null when none.
func restoreFilterValue(f *RestoreFilter, diags *diag.Diagnostics) types.Object {
	if f == nil {
		return types.ObjectNull(restoreFilterType.AttrTypes)
	}
	elems := make([]attr.Value, len(f.GVKN))
	for i, g := range f.GVKN {
		elems[i] = types.ObjectValueMust(gvknType.AttrTypes, map[string]attr.Value{
			"group": optionalString(g.Group), "version": optionalString(g.Version), "kind": optionalString(g.Kind),
			"namespaces": optionalList(g.Namespaces), "names": optionalList(g.Names), "label_selectors": optionalList(g.LabelSelectors)})
	}
	v, d := types.ObjectValue(restoreFilterType.AttrTypes, map[string]attr.Value{
		"resource_selection_criteria": types.StringValue(f.ResourceSelectionCriteria),
		"resources":                   types.ListValueMust(gvknType, elems),
	})
	diags.Append(d...)
	return v
}
