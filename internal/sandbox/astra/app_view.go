package astra

import "slices"

// App constants of the spec (app_2.2_*, astra.md §5).
const (
	appType    = "application/astra-app"
	appsType   = "application/astra-apps"
	appVersion = "2.2"
)

// namespaceResourceBody is one namespaceScopedResources entry of an app.
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
	NamespaceScopedResources []namespaceResourceBody `json:"namespaceScopedResources"`
	State                    string                  `json:"state"`
	StateDetails             []stateDetailBody       `json:"stateDetails"`
	ProtectionState          string                  `json:"protectionState"`
	ProtectionStateDetails   []stateDetailBody       `json:"protectionStateDetails"`
	AppDetectedType          string                  `json:"appDetectedType"`
	Namespaces               []string                `json:"namespaces"`
	ClusterName              string                  `json:"clusterName"`
	ClusterID                string                  `json:"clusterID"`
	ClusterType              string                  `json:"clusterType"`
	ReplicationSourceAppID   string                  `json:"replicationSourceAppID,omitempty"`
	Metadata                 metadata                `json:"metadata"`
}

// view renders x for the API; c is its cluster.
func (x *app) view(c *cluster) any {
	resources := make([]namespaceResourceBody, len(x.namespaces))
	for i, ns := range x.namespaces {
		resources[i] = namespaceResourceBody{Namespace: ns, LabelSelectors: []string{}}
	}
	return appBody{
		Type:                     appType,
		Version:                  appVersion,
		ID:                       x.id,
		Links:                    []any{},
		Name:                     x.name,
		NamespaceScopedResources: resources,
		State:                    x.state,
		StateDetails:             []stateDetailBody{},
		ProtectionState:          x.protection,
		ProtectionStateDetails:   []stateDetailBody{},
		AppDetectedType:          "acc",
		Namespaces:               slices.Clone(x.namespaces),
		ClusterName:              c.name,
		ClusterID:                c.id,
		ClusterType:              c.clusterType,
		ReplicationSourceAppID:   x.replicaOf,
		Metadata:                 x.metadata(),
	}
}
