package manila

import (
	"encoding/json"
	"net/http"
	"time"
)

// replicasListing is how the replica lists answer.
var replicasListing = listing{key: "share_replicas", linksKey: "share_replica_links", collection: "share-replicas"}

// replicaOfPath returns the replica the path names, or its 404.
func (a *API) replicaOfPath(c *call) (*shareReplica, *fault) {
	id := c.r.PathValue("id")
	if r := a.db.replica(c.tok, id); r != nil {
		return r, nil
	}
	return nil, notFound("Replica " + id + " not found.")
}

// listReplicas lists the replicas of the project's shares (of one share
// with share_id; an unknown share has none).
func (a *API) listReplicas(detail bool) handler {
	return func(c *call) *fault {
		shareID := c.query().Get("share_id")
		rows := a.db.replicas.Filter(func(r *shareReplica) bool {
			return c.listed(r.projectID) && (shareID == "" || r.shareID == shareID)
		})
		view := func(r *shareReplica) object {
			a.observe(r.id, &r.lifecycle)
			return c.replicaView(r, detail, false)
		}
		return writeList(c, rows, replicasListing, view, lastID(func(r *shareReplica) string { return r.id }))
	}
}

func (a *API) showReplica(c *call) *fault {
	r, f := a.replicaOfPath(c)
	if f != nil {
		return f
	}
	a.observe(r.id, &r.lifecycle)
	writeJSON(c.w, http.StatusOK, object{{"share_replica", c.replicaView(r, true, false)}})
	return nil
}

// createReplica is ShareReplicationController.create and share.api
// .create_share_replica (manila-groups.md §9.3): 202 with the replica
// creating; then available and in_sync on a host of its zone, or in error
// (also when the zone already holds a replica of the share: the scheduler
// finds no host).
func (a *API) createReplica(c *call) *fault {
	in, ok := entity(c.body, "share_replica")
	if !ok {
		return newFault(http.StatusUnprocessableEntity, "Body does not contain 'share_replica' information.")
	}
	shareID := derefString(stringField(in, "share_id"))
	if shareID == "" {
		return badRequest("Must provide Share ID to add replica.")
	}
	s := a.db.share(c.tok, shareID)
	if s == nil {
		return notFound("No share exists with ID " + shareID + ".")
	}
	network := stringField(in, "share_network_id")
	if network != nil && c.version.less(v272) {
		return badRequest("'share_network_id' option is not supported by this microversion. Use 2.72 or greater microversion to be able to use 'share_network_id'.")
	}
	if network != nil {
		if _, ok := a.db.shareNetwork(c.tok, *network); !ok {
			return badRequest("No share network exists with ID " + *network + ".")
		}
	} else {
		network = s.shareNetworkID
	}
	if s.replicationType == nil {
		return badRequest("Replication not supported for share " + s.id + ".")
	}
	if s.shareGroupID != nil || s.consistencyGroupID != nil {
		return badRequest("Replication not supported for shares in a group.")
	}
	if raw, ok := in["scheduler_hints"]; ok {
		var hints map[string]json.RawMessage
		_ = json.Unmarshal(raw, &hints)
		for k := range hints {
			if k != "only_host" {
				return badRequest("Invalid input received: Arg 'scheduler_hints' supports only 'only_host' key.")
			}
		}
	}
	if active := a.db.activeReplica(s.id); active == nil || active.status != statusAvailable {
		return badRequest("Unable to perform a replication action: Share " + s.id + " does not have any active replica in available state.")
	}
	zone := ""
	if z := stringField(in, "availability_zone"); z != nil {
		found, ok := a.db.availabilityZone(*z)
		if !ok {
			return notFound("Availability zone " + *z + " could not be found.")
		}
		zone = found.name
	}
	taken := map[string]bool{}
	for _, r := range a.db.replicasOf(s.id) {
		taken[r.availabilityZone] = true
	}
	noHost := false
	if zone == "" {
		for _, z := range a.db.zones.All() {
			if !taken[z.name] {
				zone = z.name
				break
			}
		}
		if zone == "" {
			zone, noHost = s.availabilityZone, true
		}
	} else {
		noHost = taken[zone]
	}
	st, _ := a.db.shareType(s.shareTypeID)
	host := hostIn(zone, st.dhss())
	r := &shareReplica{
		id: newID(), shareID: s.id, projectID: s.projectID, availabilityZone: zone, shareNetworkID: network, createdAt: c.now,
		replicaState: replicaOutOfSync,
	}
	if st.dhss() && network != nil {
		r.shareServerID = strPtr(shareServerID(*network, host))
	}
	op := kindReplica + opCreate
	done := r.begin(op, c.now.Add(a.opts.Transition), statusCreating, statusAvailable, statusError, noHost || a.opts.Hooks.Faults.Fail(op))
	r.host = strPtr(host)
	a.setEffect(done, effect{kind: effectReplicaCreated, replica: r})
	a.db.replicas.Add(r)
	writeJSON(c.w, http.StatusAccepted, object{{"share_replica", c.replicaView(r, true, true)}})
	return nil
}

// deleteReplica deletes a replica; the last active one of its share is
// refused (manila-groups.md §9.3).
func (a *API) deleteReplica(c *call) *fault {
	id := c.r.PathValue("id")
	r := a.db.replica(c.tok, id)
	if r == nil {
		return notFound("No replica exists with ID " + id + ".")
	}
	if f := a.db.lastActive(r); f != nil {
		return f
	}
	op := kindReplica + opDelete
	done := r.begin(op, c.now.Add(a.opts.Transition), statusDeleting, statusGone, statusErrorDeleting, a.opts.Hooks.Faults.Fail(op))
	a.setEffect(done, effect{kind: effectReplicaDeleted, replica: r})
	writeAccepted(c.w)
	return nil
}

// lastActive refuses to remove the only active replica of a share.
func (db *manilaDB) lastActive(r *shareReplica) *fault {
	if r.replicaState != replicaActive {
		return nil
	}
	for _, other := range db.replicasOf(r.shareID) {
		if other.id != r.id && other.replicaState == replicaActive {
			return nil
		}
	}
	return badRequest("Unable to perform a replication action: Cannot delete last active replica.")
}

// replicaActions are the actions of POST /share-replicas/{id}/action, all
// under the replicas' microversions (experimental up to 2.55).
func (a *API) replicaActions() map[string]route {
	rt := route{from: v211, experimental: true, graduates: &v256}
	rows := a.db.replicaAdmin()
	return map[string]route{
		"promote":             rt.with(a.promoteReplica),
		"resync":              rt.with(a.resyncReplica),
		"reset_status":        rt.with(func(c *call) *fault { return a.resetStatus(c, rows) }),
		"reset_replica_state": rt.with(a.resetReplicaState),
		"force_delete": rt.with(func(c *call) *fault {
			if r := a.db.replica(c.tok, c.r.PathValue("id")); r != nil && c.tok.isAdmin() {
				if f := a.db.lastActive(r); f != nil {
					return f
				}
			}
			return a.forceDelete(c, rows)
		}),
	}
}

// promoteReplica makes a replica the active one: every replica of the
// share is in replication_change, then the promoted one is available and
// active and the former active one out_of_sync; a failure leaves them in
// error with their states. It answers 202 with the replica, or 200 when it
// is active already.
func (a *API) promoteReplica(c *call) *fault {
	r, f := a.replicaOfPath(c)
	if f != nil {
		return f
	}
	if r.replicaState == replicaActive {
		c.w.WriteHeader(http.StatusOK)
		return nil
	}
	if r.status != statusAvailable {
		return badRequest("Unable to perform a replication action: Replica " + r.id + " must be in available state to be promoted.")
	}
	if (r.replicaState == replicaOutOfSync || r.replicaState == replicaError) && !c.tok.isAdmin() {
		return newFault(http.StatusForbidden, "User does not have admin privileges.")
	}
	if c.version.atLeast(v275) {
		var body struct {
			Quiesce json.RawMessage `json:"quiesce_wait_time"`
		}
		if json.Unmarshal(c.body, &body) == nil && body.Quiesce != nil {
			if _, ok := positiveInt(body.Quiesce); !ok {
				return badRequest("quiesce_wait_time must be an integer and greater than 0.")
			}
		}
	}
	op := kindReplica + opPromote
	at := c.now.Add(a.opts.Transition)
	fails := a.opts.Hooks.Faults.Fail(op)
	for _, other := range a.db.replicasOf(r.shareID) {
		if other.id != r.id && other.replicaState != replicaActive {
			continue
		}
		done := other.begin(op, at, statusReplicationChange, statusAvailable, statusError, fails)
		a.setEffect(done, effect{kind: effectReplicaPromoted, replica: other, flag: other.id == r.id})
	}
	writeJSON(c.w, http.StatusAccepted, object{{"share_replica", c.replicaView(r, true, false)}})
	return nil
}

// resyncReplica (admin) asks the back end to resynchronise a replica: it
// is in_sync after a transition. An active replica answers 200.
func (a *API) resyncReplica(c *call) *fault {
	if f := authorizeAdmin(c); f != nil {
		return f
	}
	r, f := a.replicaOfPath(c)
	if f != nil {
		return f
	}
	if r.replicaState == replicaActive {
		c.w.WriteHeader(http.StatusOK)
		return nil
	}
	if r.host == nil {
		return badRequest("Invalid host: Share replica does not have a valid host.")
	}
	op := kindReplica + opResync
	done := r.begin(op, c.now.Add(a.opts.Transition), r.status, r.status, r.status, false)
	a.setEffect(done, effect{kind: effectReplicaResynced, replica: r, flag: a.opts.Hooks.Faults.Fail(op)})
	writeAccepted(c.w)
	return nil
}

// resetReplicaState (admin) sets the replica_state of a replica that is
// not active, at once.
func (a *API) resetReplicaState(c *call) *fault {
	if f := authorizeAdmin(c); f != nil {
		return f
	}
	var body map[string]json.RawMessage
	_ = json.Unmarshal(c.body, &body)
	raw, ok := body["replica_state"]
	if !ok {
		return badRequest("Must specify 'replica_state'")
	}
	var state string
	if json.Unmarshal(raw, &state) != nil || !contains(replicaStates, state) {
		return badRequest("Invalid state. Valid states: active, in_sync, out_of_sync, error.")
	}
	r, f := a.replicaOfPath(c)
	if f != nil {
		return f
	}
	if r.replicaState == replicaActive {
		return badRequest("Cannot reset replica_state of an active replica")
	}
	op := kindReplica + opResetState
	done := r.begin(op, c.now, r.status, r.status, r.status, false)
	a.setEffect(done, effect{kind: effectReplicaState, replica: r, state: state})
	a.db.settle(c.now, a.stalled)
	writeAccepted(c.w)
	return nil
}

// listReplicaExportLocations answers GET /share-replicas/{id}/export-locations
// (2.47): the locations with the replica's state and zone.
func (a *API) listReplicaExportLocations(c *call) *fault {
	r, f := a.replicaOfPath(c)
	if f != nil {
		return f
	}
	items := []object{}
	if r.exported {
		for _, el := range exportLocationsOf(r.id, r.availabilityZone, r.createdAt) {
			if el.adminOnly && !c.tok.isAdmin() {
				continue
			}
			items = append(items, append(c.exportLocationView(el, false), field{"replica_state", r.replicaState},
				field{"availability_zone", r.availabilityZone}))
		}
	}
	writeJSON(c.w, http.StatusOK, object{{"export_locations", items}})
	return nil
}

// showReplicaExportLocation answers GET …/export-locations/{el}.
func (a *API) showReplicaExportLocation(c *call) *fault {
	r, f := a.replicaOfPath(c)
	if f != nil {
		return f
	}
	elID := c.r.PathValue("el")
	if r.exported {
		for _, el := range exportLocationsOf(r.id, r.availabilityZone, r.createdAt) {
			if el.id != elID {
				continue
			}
			if el.adminOnly && !c.tok.isAdmin() {
				return newFault(http.StatusForbidden, msgForbidden)
			}
			writeJSON(c.w, http.StatusOK, object{{"export_location", append(c.exportLocationView(el, true),
				field{"replica_state", r.replicaState}, field{"availability_zone", r.availabilityZone})}})
			return nil
		}
	}
	return notFound("Export location '" + elID + "' not found.")
}

// refreshLater schedules the periodic replica-state update of the share
// manager (_share_replica_update, every replica_state_update_interval,
// manila-groups.md §9.3) one transition after at: a replica out of sync is
// then in sync, as the back end reports once it caught up
// (manila.share_replica.update; a failure leaves it out of sync).
func (a *API) refreshLater(r *shareReplica, at time.Time) {
	op := kindReplica + opUpdate
	r.next = &transition{op: op, at: at.Add(a.opts.Transition), status: r.status}
	a.setEffect(r.next, effect{kind: effectReplicaUpdated, replica: r, flag: a.opts.Hooks.Faults.Fail(op)})
}
