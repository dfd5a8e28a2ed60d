package manila

import "encoding/json"

// shareNetworkFields are the keys a creation or an update may hold.
var shareNetworkFields = []string{"name", "description", "neutron_net_id", "neutron_subnet_id", "nova_net_id"}

// parseShareNetwork checks the body of a creation or an update
// ({"share_network": {...}}).
func parseShareNetwork(body json.RawMessage) (map[string]json.RawMessage, *fault) {
	in, ok := entity(body, "share_network")
	if !ok {
		return nil, newFault(422, "Unable to process the contained instructions")
	}
	if bad := invalidKeys(in, shareNetworkFields...); len(bad) > 0 {
		return nil, badRequest("Invalid input received: The fields " + pySet(bad) + " are not allowed.")
	}
	return in, nil
}

// applyShareNetwork sets the fields a body holds.
func applyShareNetwork(n *shareNetwork, in map[string]json.RawMessage) {
	set := func(key string, to **string) {
		if v, ok := in[key]; ok {
			*to = optionalString(v)
		}
	}
	set("name", &n.name)
	set("description", &n.description)
	set("neutron_net_id", &n.neutronNetID)
	set("neutron_subnet_id", &n.neutronSubnetID)
}

// securityServiceOf reads the security_service_id of an add or remove
// action.
func securityServiceOf(raw json.RawMessage) (string, bool) {
	var body struct {
		ID string `json:"security_service_id"`
	}
	if json.Unmarshal(raw, &body) != nil || body.ID == "" {
		return "", false
	}
	return body.ID, true
}
