package astra

import "slices"

// Managed cluster constants of the spec (managedCluster_1.7_*, astra.md §5).
const (
	managedClusterType   = "application/astra-managedCluster"
	managedClustersType  = "application/astra-managedClusters"
	managedClusterVer    = "1.7"
	sandboxTridentVer    = "24.02.0"
	sandboxClusterVer    = "1.29"
	sandboxClusterVerStr = "v1.29.4"
)

// cloudID is the ID of the private cloud both fixture clusters belong to.
var cloudID = fixtureID("cloud/private")

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

// view renders c; inUse says whether managed apps run on it.
func (c *cluster) view(inUse bool) any {
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
		Metadata:               fixtureRecord.metadata(),
	}
}
