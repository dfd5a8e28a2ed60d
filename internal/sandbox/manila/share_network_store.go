package manila

import (
	"strconv"
	"strings"
)

// shareNetwork is a Manila share network (Neutron-backed). Those the
// clients create have no segmentation until a share server is set up on
// them: their network columns are null.
type shareNetwork struct {
	id                string
	name, description *string
	projectID         string
	neutronNetID      *string
	neutronSubnetID   *string
	networkType       *string
	segmentationID    *int
	cidr, gateway     *string
	ipVersion, mtu    *int
	createdAt         string
	updatedAt         *string
	// securityServices are the IDs of the security services added to it.
	securityServices []string
	// fixture marks a share network of the fixtures (the default's or
	// the user's, -fixtures), not one a client created.
	fixture bool
}

func intPtr(n int) *int { return &n }

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
	itoa := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	columns := map[string]*string{
		"name": n.name, "description": n.description, "neutron_net_id": n.neutronNetID,
		"neutron_subnet_id": n.neutronSubnetID, "network_type": n.networkType, "cidr": n.cidr,
		"segmentation_id": strPtr(itoa(n.segmentationID)), "ip_version": strPtr(itoa(n.ipVersion)),
	}
	for key, values := range q {
		v, ok := columns[key]
		if !ok || len(values) == 0 {
			continue
		}
		if v == nil || strings.TrimSpace(values[0]) != *v {
			return false
		}
	}
	return true
}

// inUse counts the shares and share groups on a share network, which
// block its deletion.
func (db *manilaDB) networkUse(id string) (shares, groups int) {
	for _, s := range db.shares.All() {
		if s.shareNetworkID != nil && *s.shareNetworkID == id {
			shares++
		}
	}
	for _, g := range db.shareGroups.All() {
		if g.shareNetworkID != nil && *g.shareNetworkID == id {
			groups++
		}
	}
	return shares, groups
}
