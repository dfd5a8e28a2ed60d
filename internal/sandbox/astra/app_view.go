package astra

import "slices"

// App constants of the spec (app_2.2_*, astra.md §9).
const (
	appType    = "application/astra-app"
	appsType   = "application/astra-apps"
	appVersion = "2.2"
)

// namespaceResourceBody is one namespaceScopedResources entry of an app as
// GET answers it (labelSelectors is required there).
type namespaceResourceBody struct {
	Namespace      string   `json:"namespace"`
	LabelSelectors []string `json:"labelSelectors"`
}

// appBody is app_2.2_get_response_body, fields in the spec's order.
type appBody struct {
	Type                     string                  `json:"type"`
	Version                  string                  `json:"version"`
	ID                       string                  `json:"id"`
	Links                    []any                   `json:"links"`
	Name                     string                  `json:"name"`
	ClusterScopedResources   []clusterResource       `json:"clusterScopedResources,omitempty"`
	NamespaceScopedResources []namespaceResourceBody `json:"namespaceScopedResources"`
	State                    string                  `json:"state"`
	StateDetails             []stateDetailBody       `json:"stateDetails"`
	ProtectionState          string                  `json:"protectionState"`
	ProtectionStateDetails   []stateDetailBody       `json:"protectionStateDetails"`
	AppDetectedType          string                  `json:"appDetectedType"`
	Namespaces               []string                `json:"namespaces"`
	NamespaceMapping         []namespacePair         `json:"namespaceMapping,omitempty"`
	StorageClassMapping      []storageClassPair      `json:"storageClassMapping,omitempty"`
	ClusterName              string                  `json:"clusterName"`
	ClusterID                string                  `json:"clusterID"`
	ClusterType              string                  `json:"clusterType"`
	SourceAppID              string                  `json:"sourceAppID,omitempty"`
	SourceClusterName        string                  `json:"sourceClusterName,omitempty"`
	SourceClusterID          string                  `json:"sourceClusterID,omitempty"`
	BackupID                 string                  `json:"backupID,omitempty"`
	SnapshotID               string                  `json:"snapshotID,omitempty"`
	ReplicationSourceAppID   string                  `json:"replicationSourceAppID,omitempty"`
	RestoreFilter            *restoreFilter          `json:"restoreFilter,omitempty"`
	Metadata                 metadata                `json:"metadata"`
}

// view renders x in state for the API; c is its cluster, src its source's
// (nil for a managed app).
func (x *app) view(state string, c, src *cluster) any {
	resources := make([]namespaceResourceBody, len(x.resources))
	for i, r := range x.resources {
		resources[i] = namespaceResourceBody{Namespace: r.Namespace, LabelSelectors: slices.Clone(r.LabelSelectors)}
		if resources[i].LabelSelectors == nil {
			resources[i].LabelSelectors = []string{}
		}
	}
	version := x.version
	if version == "" {
		version = appVersion
	}
	b := appBody{
		Type:                     appType,
		Version:                  version,
		ID:                       x.id,
		Links:                    []any{},
		Name:                     x.name,
		ClusterScopedResources:   x.clusterResources,
		NamespaceScopedResources: resources,
		State:                    state,
		StateDetails:             x.stateDetails,
		ProtectionState:          x.protection,
		ProtectionStateDetails:   []stateDetailBody{},
		AppDetectedType:          "acc",
		Namespaces:               x.namespaces(),
		NamespaceMapping:         x.nsMapping,
		StorageClassMapping:      x.scMapping,
		ClusterName:              c.name,
		ClusterID:                c.id,
		ClusterType:              c.clusterType,
		SourceAppID:              x.sourceAppID,
		SourceClusterID:          x.sourceClusterID,
		BackupID:                 x.backupID,
		SnapshotID:               x.snapshotID,
		ReplicationSourceAppID:   x.replicaOf,
		RestoreFilter:            x.filter,
		Metadata:                 x.metadata(),
	}
	if b.StateDetails == nil {
		b.StateDetails = []stateDetailBody{}
	}
	if src != nil {
		b.SourceClusterName = src.name
	}
	return b
}
