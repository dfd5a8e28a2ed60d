package manila

import (
	"encoding/json"
	"slices"
)

// cgCreate is a consistency group creation whose body passed the
// controller's checks (manila.md §1.5).
type cgCreate struct {
	name, description *string
	// shareTypes are the IDs given; none when the body has none.
	shareTypes []string
	sourceID   *string
	networkID  *string
}

// parseCGCreate checks the body of a creation as CGController.create does,
// in its order.
func parseCGCreate(body json.RawMessage) (cgCreate, *fault) {
	in, ok := entity(body, "consistency_group")
	if !ok {
		return cgCreate{}, badRequest("'consistency_group' is missing from the request body.")
	}
	if bad := invalidKeys(in, "name", "description", "share_types", "source_cgsnapshot_id", "share_network_id"); len(bad) > 0 {
		return cgCreate{}, badRequest("The fields " + pySet(bad) + " are invalid.")
	}
	_, hasTypes := in["share_types"]
	_, hasSource := in["source_cgsnapshot_id"]
	_, hasNetwork := in["share_network_id"]
	if hasTypes && hasSource {
		return cgCreate{}, badRequest("Cannot supply both 'share_types' and 'source_cgsnapshot_id' attributes.")
	}
	if hasNetwork && hasSource {
		return cgCreate{}, badRequest("Cannot supply both 'share_network_id' and 'source_cgsnapshot_id' attributes as the share network is inherited from the source.")
	}
	req := cgCreate{name: optionalString(in["name"]), description: optionalString(in["description"])}
	if rawTypes := decode(in["share_types"]); truthy(rawTypes) {
		list, isList := rawTypes.([]any)
		if !isList {
			return cgCreate{}, badRequest("The 'share_types' attribute must be a list of uuids")
		}
		for _, v := range list {
			id, ok := uuidString(v)
			if !ok {
				return cgCreate{}, badRequest("The 'share_types' attribute must be a list of uuids")
			}
			req.shareTypes = append(req.shareTypes, id)
		}
	}
	if hasSource {
		id, ok := uuidString(decode(in["source_cgsnapshot_id"]))
		if !ok {
			return cgCreate{}, badRequest("The 'source_cgsnapshot_id' attribute must be a uuid.")
		}
		req.sourceID = &id
	}
	if hasNetwork {
		id, ok := uuidString(decode(in["share_network_id"]))
		if !ok {
			return cgCreate{}, badRequest("The 'share_network_id' attribute must be a uuid.")
		}
		req.networkID = &id
	}
	return req, nil
}

// cgPlacement is what consistency_group.api.create decides from the store
// for a creation: the group's share types and share network, the group a
// source snapshot was taken of (whose host the new group gets) and its
// members (one share each), and the driver_handles_share_servers of the
// types (nil for no types).
type cgPlacement struct {
	shareTypes []string
	networkID  *string
	original   *consistencyGroup
	members    []*cgsnapshotMember
	dhss       *bool
}

// place applies the API layer's rules to a creation (manila.md §1.5): no
// types and no source mean the default type; a source snapshot must be
// available and gives its group's types and network; the types must exist
// and agree on driver_handles_share_servers, which decides whether a share
// network is needed or refused.
func (db *manilaDB) place(t *token, req cgCreate) (cgPlacement, *fault) {
	p := cgPlacement{shareTypes: req.shareTypes, networkID: req.networkID}
	if req.shareTypes == nil && req.sourceID == nil {
		p.shareTypes = []string{db.defaultShareType().id}
	}
	if req.sourceID != nil {
		snap := db.snapshot(t, *req.sourceID)
		if snap == nil {
			return p, badRequest("Consistency group snapshot " + *req.sourceID + " could not be found.")
		}
		if snap.status != statusAvailable {
			return p, conflict("Invalid CGSnapshot: Consistency group snapshot status must be available")
		}
		p.original = db.cg(t, snap.consistencyGroupID)
		if p.original == nil {
			return p, badRequest("ConsistencyGroup " + snap.consistencyGroupID + " could not be found.")
		}
		p.shareTypes = slices.Clone(p.original.shareTypes)
		p.networkID = p.original.shareNetworkID
		p.members = db.members.Filter(membersOf(snap.id))
	}
	for _, id := range p.shareTypes {
		st, ok := db.shareType(id)
		if !ok {
			return p, badRequest("Share type with id " + id + " could not be found")
		}
		handles := st.dhss()
		if p.dhss == nil {
			p.dhss = &handles
		} else if *p.dhss != handles {
			return p, badRequest("Invalid input received: The specified share_types cannot have conflicting values for the driver_handles_share_servers extra spec.")
		}
		if !handles && req.networkID != nil {
			return p, badRequest("Invalid input received: When using a share types with the driver_handles_share_servers extra spec as False, a share_network_id must not be provided.")
		}
	}
	if req.networkID != nil {
		if _, ok := db.shareNetwork(t, *req.networkID); !ok {
			return p, badRequest("Invalid input received: The specified share network does not exist.")
		}
	}
	if p.dhss != nil && *p.dhss && req.sourceID == nil && req.networkID == nil {
		return p, badRequest("Invalid input received: When using a share type with the driver_handles_share_servers extra spec as True, a share_network_id must be provided.")
	}
	return p, nil
}

// parseCGUpdate checks the body of an update: only name and description.
func parseCGUpdate(body json.RawMessage) (map[string]json.RawMessage, *fault) {
	in, ok := entity(body, "consistency_group")
	if !ok {
		return nil, badRequest("'consistency_group' is missing from the request body.")
	}
	if bad := invalidKeys(in, "name", "description"); len(bad) > 0 {
		return nil, badRequest("The fields " + pySet(bad) + " are invalid or not allowed to be updated.")
	}
	return in, nil
}
