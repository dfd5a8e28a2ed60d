package manila

import (
	"encoding/json"
	"net/http"
	"slices"
)

// shareGroupCreate is a share group creation whose body passed the
// controller's checks (manila-groups.md §6).
type shareGroupCreate struct {
	name, description *string
	shareTypes        []string
	groupTypeID       *string
	sourceID          *string
	networkID         *string
	zone              *string
}

// parseShareGroupCreate checks the body of a creation as
// ShareGroupController.create does, in its order.
func (a *API) parseShareGroupCreate(c *call) (shareGroupCreate, *fault) {
	in, ok := entity(c.body, "share_group")
	if !ok {
		return shareGroupCreate{}, badRequest("'share_group' is missing from the request body.")
	}
	if bad := invalidKeys(in, "name", "description", "share_types", "share_group_type_id", "source_share_group_snapshot_id",
		"share_network_id", "availability_zone"); len(bad) > 0 {
		return shareGroupCreate{}, badRequest("The fields " + pyModernSet(bad) + " are invalid.")
	}
	_, hasTypes := in["share_types"]
	_, hasSource := in["source_share_group_snapshot_id"]
	_, hasNetwork := in["share_network_id"]
	_, hasZone := in["availability_zone"]
	req := shareGroupCreate{name: optionalString(in["name"]), description: optionalString(in["description"])}
	switch {
	case hasTypes && hasSource:
		return req, badRequest("Cannot supply both 'share_types' and 'source_share_group_snapshot_id' attributes.")
	case !truthy(decode(in["share_types"])) && !hasSource:
		req.shareTypes = []string{a.db.defaultShareType().id}
	}
	if rawTypes := decode(in["share_types"]); truthy(rawTypes) {
		list, isList := rawTypes.([]any)
		if !isList {
			return req, badRequest("The 'share_types' attribute must be a list of uuids")
		}
		for _, v := range list {
			id, ok := uuidString(v)
			if !ok {
				return req, badRequest("The 'share_types' attribute must be a list of uuids")
			}
			req.shareTypes = append(req.shareTypes, id)
		}
	}
	if hasNetwork && hasSource {
		return req, badRequest("Cannot supply both 'share_network_id' and 'source_share_group_snapshot_id' attributes as the share network is inherited from the source.")
	}
	if hasZone && hasSource {
		return req, badRequest("Cannot supply both 'availability_zone' and 'source_share_group_snapshot_id' attributes as the availability zone is inherited from the source.")
	}
	if hasZone {
		zone := derefString(optionalString(in["availability_zone"]))
		z, ok := a.db.availabilityZone(zone)
		if !ok {
			return req, notFound("Availability zone " + zone + " could not be found.")
		}
		req.zone = &z.name
	}
	for _, f := range []struct {
		key string
		to  **string
	}{{"source_share_group_snapshot_id", &req.sourceID}, {"share_network_id", &req.networkID}, {"share_group_type_id", &req.groupTypeID}} {
		raw, ok := in[f.key]
		if !ok {
			continue
		}
		id, ok := uuidString(decode(raw))
		if !ok {
			return req, badRequest("The '" + f.key + "' attribute must be a uuid.")
		}
		*f.to = &id
	}
	if req.groupTypeID == nil && req.sourceID == nil {
		req.groupTypeID = &a.db.defaultShareGroupType().id
	}
	return req, nil
}

// pyModernSet renders field names as Python 3 renders a set of strings:
// {'a', 'b'} (manila-groups.md §6).
func pyModernSet(names []string) string {
	slices.Sort(names)
	out := "{"
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += "'" + n + "'"
	}
	return out + "}"
}

// shareGroupPlacement is what share_group.api.create decides: the types,
// network, zone and host, and the source snapshot's group and members.
type shareGroupPlacement struct {
	shareTypes []string
	groupType  *shareGroupType
	networkID  *string
	zone       string
	source     *shareGroupSnapshot
	original   *shareGroup
	members    []*shareGroupSnapshotMember
	dhss       bool
}

// placeShareGroup applies the API layer's rules (manila-groups.md §6).
func (a *API) placeShareGroup(c *call, req shareGroupCreate) (shareGroupPlacement, *fault) {
	db := a.db
	p := shareGroupPlacement{shareTypes: req.shareTypes, networkID: req.networkID}
	if req.sourceID != nil {
		src := db.groupSnapshot(c.tok, *req.sourceID)
		if src == nil {
			return p, badRequest("Share group snapshot " + *req.sourceID + " could not be found.")
		}
		if src.status != statusAvailable {
			return p, conflict("Invalid share group snapshot: Share group snapshot status must be available.")
		}
		p.source, p.original = src, db.shareGroup(c.tok, src.shareGroupID)
		if p.original == nil {
			return p, badRequest("Share group " + src.shareGroupID + " could not be found.")
		}
		p.shareTypes = slices.Clone(p.original.shareTypes)
		p.networkID = p.original.shareNetworkID
		p.zone = p.original.availabilityZone
		p.members = db.groupMembersOf(src.id)
		gt, _ := db.shareGroupType(p.original.shareGroupTypeID)
		p.groupType = gt
	}
	var dhss *bool
	for _, id := range p.shareTypes {
		st, ok := db.shareType(id)
		if !ok {
			return p, badRequest("Invalid input received: Share type with id " + id + " could not be found.")
		}
		h := st.dhss()
		if dhss != nil && *dhss != h {
			return p, badRequest("Invalid input received: The specified share_types cannot have conflicting values for the driver_handles_share_servers extra spec.")
		}
		dhss = &h
		if !h && req.networkID != nil {
			return p, badRequest("Invalid input received: When using a share types with the driver_handles_share_servers extra spec as False, a share_network_id must not be provided.")
		}
	}
	if req.networkID != nil {
		if _, ok := db.shareNetwork(c.tok, *req.networkID); !ok {
			return p, badRequest("Invalid input received: The specified share network does not exist.")
		}
	}
	p.dhss = dhss != nil && *dhss
	if p.dhss && req.networkID == nil && req.sourceID == nil {
		return p, badRequest("Invalid input received: When using a share type with the driver_handles_share_servers extra spec as True, a share_network_id must be provided.")
	}
	if req.groupTypeID != nil {
		gt, ok := db.shareGroupType(*req.groupTypeID)
		if !ok {
			return p, badRequest("Invalid input received: The specified share group type " + *req.groupTypeID + " does not exist.")
		}
		for _, id := range p.shareTypes {
			if !contains(gt.shareTypes, id) {
				return p, badRequest("Invalid input received: The specified share types must be a subset of the share types supported by the share group type.")
			}
		}
		p.groupType = gt
	}
	if req.zone != nil {
		p.zone = *req.zone
	}
	return p, nil
}

// parseGroupUpdate checks the body of an update of a group or group
// snapshot: only name and description.
func parseGroupUpdate(body json.RawMessage, key string) (map[string]json.RawMessage, *fault) {
	in, ok := entity(body, key)
	if !ok {
		return nil, badRequest("'" + key + "' is missing from the request body.")
	}
	if bad := invalidKeys(in, "name", "description"); len(bad) > 0 {
		return nil, badRequest("The fields " + pyModernSet(bad) + " are invalid or not allowed to be updated.")
	}
	return in, nil
}

// parseGroupSnapshotCreate checks the body of a group snapshot creation.
func parseGroupSnapshotCreate(body json.RawMessage) (map[string]json.RawMessage, string, *fault) {
	in, ok := entity(body, "share_group_snapshot")
	if !ok {
		return nil, "", badRequest("'share_group_snapshot' is missing from the request body.")
	}
	raw := decode(in["share_group_id"])
	if !truthy(raw) {
		return nil, "", badRequest("Must supply 'share_group_id' attribute.")
	}
	id, ok := uuidString(raw)
	if !ok {
		return nil, "", badRequest("The 'share_group_id' attribute must be a uuid.")
	}
	return in, id, nil
}

// groupToSnapshot returns the group of a group snapshot creation and its
// shares: the group available, and each of its shares.
func (db *manilaDB) groupToSnapshot(t *token, id string) (*shareGroup, []*share, *fault) {
	g := db.shareGroup(t, id)
	if g == nil {
		return nil, nil, badRequest("Share group " + id + " could not be found.")
	}
	if g.status != statusAvailable {
		return nil, nil, conflict("Invalid share group: Share group status must be available")
	}
	shares := db.sharesInGroup(g.id)
	for _, s := range shares {
		if s.status != statusAvailable {
			return nil, nil, newFault(http.StatusConflict, "Invalid share group: Share "+s.id+
				" in share group must have status of available in order to create a group snapshot")
		}
	}
	return g, shares, nil
}
