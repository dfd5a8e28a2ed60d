package manila

import (
	"strconv"
	"strings"
)

// shareNetwork is a Manila share network (Neutron-backed).
type shareNetwork struct {
	id, name, description string
	projectID             string
	neutronNetID          string
	neutronSubnetID       string
	networkType           string
	segmentationID        int
	cidr, gateway         string
	ipVersion, mtu        int
	createdAt             string
}

// shareNetwork returns the share network visible to t.
func (db *manilaDB) shareNetwork(t *token, id string) (*shareNetwork, bool) {
	if n, ok := db.shareNetworks.Get(id); ok && visible(t, n.projectID) {
		return n, true
	}
	return nil, false
}

// shareNetworkMatches applies the list filters the server supports: exact
// matches on the network's columns.
func shareNetworkMatches(n *shareNetwork, q map[string][]string) bool {
	columns := map[string]string{
		"name": n.name, "description": n.description, "neutron_net_id": n.neutronNetID,
		"neutron_subnet_id": n.neutronSubnetID, "network_type": n.networkType, "cidr": n.cidr,
		"segmentation_id": strconv.Itoa(n.segmentationID), "ip_version": strconv.Itoa(n.ipVersion),
	}
	for key, values := range q {
		if v, ok := columns[key]; ok && len(values) > 0 && strings.TrimSpace(values[0]) != v {
			return false
		}
	}
	return true
}
