package manila

import "encoding/json"

// snapshotCreate is a cgsnapshot creation whose body passed the
// controller's checks (manila.md §2.2).
type snapshotCreate struct {
	name, description  *string
	consistencyGroupID string
}

// parseSnapshotCreate checks the body of a creation as
// CGSnapshotController.create does.
func parseSnapshotCreate(body json.RawMessage) (snapshotCreate, *fault) {
	in, ok := entity(body, "cgsnapshot")
	if !ok {
		return snapshotCreate{}, badRequest("'cgsnapshot' is missing from the request body")
	}
	cgID := decode(in["consistency_group_id"])
	if !truthy(cgID) {
		return snapshotCreate{}, badRequest("Must supply 'consistency_group_id' attribute.")
	}
	id, ok := uuidString(cgID)
	if !ok {
		return snapshotCreate{}, badRequest("The 'consistency_group_id' attribute must be a uuid.")
	}
	return snapshotCreate{name: optionalString(in["name"]), description: optionalString(in["description"]), consistencyGroupID: id}, nil
}

// snapshotOf returns the group to snapshot and its shares: the group must
// be available, as must each of its shares (consistency_group.api
// .create_cgsnapshot).
func (db *manilaDB) snapshotOf(t *token, cgID string) (*consistencyGroup, []*share, *fault) {
	cg := db.cg(t, cgID)
	if cg == nil {
		return nil, nil, badRequest("ConsistencyGroup " + cgID + " could not be found.")
	}
	if cg.status != statusAvailable {
		return nil, nil, conflict("Invalid ConsistencyGroup: Consistency group status must be available")
	}
	shares := db.sharesOf(cg.id)
	for _, sh := range shares {
		if sh.status != statusAvailable {
			return nil, nil, conflict("Invalid ConsistencyGroup: Share " + sh.id + " in consistency group must have status of available in order to create a CG snapshot")
		}
	}
	return cg, shares, nil
}

// parseSnapshotUpdate checks the body of an update: only name and
// description.
func parseSnapshotUpdate(body json.RawMessage) (map[string]json.RawMessage, *fault) {
	in, ok := entity(body, "cgsnapshot")
	if !ok {
		return nil, badRequest("'cgsnapshot' is missing from the request body")
	}
	if bad := invalidKeys(in, "name", "description"); len(bad) > 0 {
		return nil, badRequest("The fields " + pySet(bad) + " are invalid or not allowed to be updated.")
	}
	return in, nil
}
