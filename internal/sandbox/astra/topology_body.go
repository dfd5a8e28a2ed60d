package astra

import "slices"

// Resource types and versions of the lookups (astra.md §5).
const (
	appType              = "application/astra-app"
	appsType             = "application/astra-apps"
	appVersion           = "2.2"
	managedClusterType   = "application/astra-managedCluster"
	managedClustersType  = "application/astra-managedClusters"
	managedClusterVer    = "1.7"
	storageClassType     = "application/astra-storageClass"
	storageClassesType   = "application/astra-storageClasses"
	storageClassVersion  = "1.1"
	sandboxTridentVer    = "24.02.0"
	sandboxClusterVer    = "1.29"
	sandboxClusterVerStr = "v1.29.4"

	appsPath           = accountsPrefix + "/k8s/v2/apps"
	appPath            = appsPath + "/{app_id}"
	managedClustersP   = accountsPrefix + "/topology/v1/managedClusters"
	managedClusterPath = managedClustersP + "/{managedCluster_id}"
	storageClassesPath = managedClusterPath + "/storageClasses"
	storageClassPath   = storageClassesPath + "/{storageClass_id}"
)

// cloudID is the ID of the private cloud both fixture clusters belong to.
var cloudID = fixtureID("cloud/private")

// stateDetailBody is a type_astra_stateDetail.
type stateDetailBody struct {
	Type              string         `json:"type"`
	Title             string         `json:"title"`
	Detail            string         `json:"detail"`
	AdditionalDetails map[string]any `json:"additionalDetails,omitempty"`
}

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

// body renders a for the API; c is its cluster.
func (a app) body(c cluster) appBody {
	resources := make([]namespaceResourceBody, len(a.namespaces))
	for i, ns := range a.namespaces {
		resources[i] = namespaceResourceBody{Namespace: ns, LabelSelectors: []string{}}
	}
	return appBody{
		Type:                     appType,
		Version:                  appVersion,
		ID:                       a.id,
		Links:                    []any{},
		Name:                     a.name,
		NamespaceScopedResources: resources,
		State:                    a.state,
		StateDetails:             []stateDetailBody{},
		ProtectionState:          a.protection,
		ProtectionStateDetails:   []stateDetailBody{},
		AppDetectedType:          "acc",
		Namespaces:               slices.Clone(a.namespaces),
		ClusterName:              c.name,
		ClusterID:                c.id,
		ClusterType:              c.clusterType,
		ReplicationSourceAppID:   a.replicaOf,
		Metadata: metadata{
			Labels:                []label{},
			CreationTimestamp:     a.createdAt,
			ModificationTimestamp: a.modifiedAt,
			CreatedBy:             a.createdBy,
		},
	}
}

// managedClusterBody is managedCluster_1.7_get_response_body.
type managedClusterBody struct {
	Type                   string            `json:"type"`
	Version                string            `json:"version"`
	ID                     string            `json:"id"`
	Name                   string            `json:"name"`
	State                  string            `json:"state"`
	StateUnready           []string          `json:"stateUnready"`
	ManagedState           string            `json:"managedState"`
	ProtectionState        string            `json:"protectionState"`
	ProtectionStateDetails []stateDetailBody `json:"protectionStateDetails"`
	ManagedStateUnready    []string          `json:"managedStateUnready"`
	ManagedTimestamp       string            `json:"managedTimestamp"`
	TridentVersion         string            `json:"tridentVersion"`
	AcpVersion             string            `json:"acpVersion"`
	TridentManagedState    string            `json:"tridentManagedState"`
	InUse                  string            `json:"inUse"`
	ClusterType            string            `json:"clusterType"`
	ClusterVersion         string            `json:"clusterVersion"`
	ClusterVersionString   string            `json:"clusterVersionString"`
	Namespaces             []string          `json:"namespaces"`
	DefaultStorageClass    string            `json:"defaultStorageClass"`
	CloudID                string            `json:"cloudID"`
	IsMultizonal           string            `json:"isMultizonal"`
	Metadata               metadata          `json:"metadata"`
}

// body renders c; inUse says whether managed apps run on it.
func (c cluster) body(inUse bool) managedClusterBody {
	return managedClusterBody{
		Type:                   managedClusterType,
		Version:                managedClusterVer,
		ID:                     c.id,
		Name:                   c.name,
		State:                  "running",
		StateUnready:           []string{},
		ManagedState:           "managed",
		ProtectionState:        "atRisk",
		ProtectionStateDetails: []stateDetailBody{},
		ManagedStateUnready:    []string{},
		ManagedTimestamp:       fixtureTime,
		TridentVersion:         sandboxTridentVer,
		AcpVersion:             sandboxTridentVer,
		TridentManagedState:    "managed",
		InUse:                  boolString(inUse),
		ClusterType:            c.clusterType,
		ClusterVersion:         sandboxClusterVer,
		ClusterVersionString:   c.version,
		Namespaces:             slices.Clone(c.namespaces),
		DefaultStorageClass:    c.defaultSC,
		CloudID:                cloudID,
		IsMultizonal:           "false",
		Metadata:               fixtureMetadata(),
	}
}

// storageClassBody is storageClass_1.1_get_response_body.
type storageClassBody struct {
	Type                 string   `json:"type"`
	Version              string   `json:"version"`
	ID                   string   `json:"id"`
	Name                 string   `json:"name"`
	Provisioner          string   `json:"provisioner"`
	Available            string   `json:"available"`
	AllowVolumeExpansion string   `json:"allowVolumeExpansion"`
	ReclaimPolicy        string   `json:"reclaimPolicy"`
	VolumeBindingMode    string   `json:"volumeBindingMode"`
	IsDefault            string   `json:"isDefault,omitempty"`
	Metadata             metadata `json:"metadata"`
}

// body renders s. isDefault is the enum ["true"]: absent when false.
func (s storageClass) body() storageClassBody {
	b := storageClassBody{
		Type:                 storageClassType,
		Version:              storageClassVersion,
		ID:                   s.id,
		Name:                 s.name,
		Provisioner:          s.provisioner,
		Available:            "available",
		AllowVolumeExpansion: "true",
		ReclaimPolicy:        "Delete",
		VolumeBindingMode:    "Immediate",
		Metadata:             fixtureMetadata(),
	}
	if s.isDefault {
		b.IsDefault = "true"
	}
	return b
}

// fixtureMetadata is the metadata of a system-created fixture.
func fixtureMetadata() metadata {
	return metadata{Labels: []label{}, CreationTimestamp: fixtureTime, ModificationTimestamp: fixtureTime, CreatedBy: systemUserID}
}
