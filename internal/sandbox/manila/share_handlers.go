package manila

import (
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// shares is how the share lists answer (manila-groups.md §3.1).
var sharesListing = listing{key: "shares", linksKey: "shares_links", collection: "shares"}

// shareOfPath returns the share the path names, or a bare 404 (the
// controller's HTTPNotFound()).
func (a *API) shareOfPath(c *call) (*share, *fault) {
	if s := a.db.share(c.tok, c.r.PathValue("id")); s != nil {
		return s, nil
	}
	return nil, notFound(msgNotFound)
}

// listShares lists the shares with the filters the server supports, newest
// first (sort_key created_at, sort_dir desc).
func (a *API) listShares(detail bool) handler {
	return func(c *call) *fault {
		q := c.query()
		meta, f := pyDictQuery(q.Get("metadata"))
		if f != nil {
			return f
		}
		public := boolFromString(q.Get("is_public"))
		rows := a.db.shares.Filter(func(s *share) bool {
			if !c.listed(s.projectID) && (!public || !s.isPublic) {
				return false
			}
			return a.shareMatches(c, s, meta)
		})
		if strings.ToLower(q.Get("sort_dir")) != "asc" {
			slices.Reverse(rows)
		}
		view := c.shareSummary
		if detail {
			view = func(s *share) object {
				a.observe(s.id, &s.lifecycle)
				return a.shareView(c, s, false)
			}
		}
		return writeList(c, rows, sharesListing, view, lastID(func(s *share) string { return s.id }))
	}
}

// shareMatches applies the exact-match filters of a share list.
func (a *API) shareMatches(c *call, s *share, meta []spec) bool {
	q := c.query()
	exact := map[string]*string{
		"name": s.name, "display_name": s.name, "description": s.description, "display_description": s.description,
		"status": strPtr(c.shareStatusView(s.status)), "share_network_id": s.shareNetworkID, "snapshot_id": s.snapshotID,
		"share_type_id": &s.shareTypeID, "volume_type_id": &s.shareTypeID, "host": s.host, "share_server_id": s.shareServerID,
		"availability_zone": &s.availabilityZone,
	}
	if c.tok.isAdmin() {
		exact["project_id"] = &s.projectID
	}
	if a.modern {
		exact["share_group_id"] = s.shareGroupID
	} else {
		exact["consistency_group_id"] = s.consistencyGroupID
	}
	for key, col := range exact {
		if v := q.Get(key); q.Has(key) && v != "" && (col == nil || *col != v) {
			return false
		}
	}
	if c.version.atLeast(mustVersion("2.36")) {
		for key, col := range map[string]*string{"name~": s.name, "description~": s.description} {
			if v := q.Get(key); v != "" && (col == nil || !strings.Contains(strings.ToLower(*col), strings.ToLower(v))) {
				return false
			}
		}
	}
	if id := q.Get("share_group_snapshot_id"); id != "" && a.modern {
		member := s.sourceShareGroupSnapshotMemberID
		m, ok := a.db.groupMembers.Get(derefString(member))
		if member == nil || !ok || m.groupSnapshotID != id {
			return false
		}
	}
	for _, m := range meta {
		if v, ok := specValue(s.metadata, m.key); !ok || v != m.value {
			return false
		}
	}
	return true
}

// pyDict matches one 'key': 'value' pair of a Python dict literal.
var pyDict = regexp.MustCompile(`^\s*(?:'([^']*)'|"([^"]*)")\s*:\s*(?:'([^']*)'|"([^"]*)")\s*$`)

// pyDictQuery reads a metadata filter, a Python dict literal such as
// {'k': 'v'} (ast.literal_eval; gophercloud writes it so).
func pyDictQuery(s string) ([]spec, *fault) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	if !strings.HasPrefix(s, "{") || !strings.HasSuffix(s, "}") {
		return nil, badRequest("Invalid input received: Invalid metadata filter: " + s + ".")
	}
	body := strings.TrimSpace(s[1 : len(s)-1])
	if body == "" {
		return nil, nil
	}
	var out []spec
	for _, pair := range strings.Split(body, ",") {
		m := pyDict.FindStringSubmatch(pair)
		if m == nil {
			return nil, badRequest("Invalid input received: Invalid metadata filter: " + s + ".")
		}
		out = append(out, spec{m[1] + m[2], m[3] + m[4]})
	}
	return out, nil
}

func (a *API) showShare(c *call) *fault {
	s, f := a.shareOfPath(c)
	if f != nil {
		return f
	}
	a.observe(s.id, &s.lifecycle)
	writeJSON(c.w, http.StatusOK, object{{"share", a.shareView(c, s, false)}})
	return nil
}

// createShare is ShareController.create followed by share.api.create: the
// share is creating (creating_from_snapshot from a snapshot), then
// available with its export locations, or in error for a name with
// FailurePrefix. It answers 200, not 202 (manila-groups.md §3.1).
func (a *API) createShare(c *call) *fault {
	req, f := a.parseShareCreate(c)
	if f != nil {
		return f
	}
	p, f := a.placeShare(c, req)
	if f != nil {
		return f
	}
	s := a.newShare(c, p, req.proto, req.size)
	s.name, s.description, s.isPublic, s.metadata = req.name, req.description, req.isPublic, req.metadata
	a.startShareCreation(c, s, a.fails(kindShare+opCreate, s.name))
	writeJSON(c.w, http.StatusOK, object{{"share", a.shareView(c, s, true)}})
	return nil
}

// newShare adds a share row for a placement, with the capabilities of its
// type (manila-groups.md §3.3).
func (a *API) newShare(c *call, p sharePlacement, proto string, size int) *share {
	st := p.shareType
	s := &share{
		id: newID(), projectID: c.tok.projectID, userID: c.tok.userID, size: size, shareProto: proto, shareTypeID: st.id,
		shareNetworkID: p.networkID, shareServerID: p.server, availabilityZone: p.zone, host: strPtr(p.host),
		snapshotSupport: st.capability("snapshot_support"), createFromSnapshot: st.capability("create_share_from_snapshot_support"),
		revertSupport: st.capability("revert_to_snapshot_support"), mountSnapshotSupport: st.capability("mount_snapshot_support"),
		replicationType: st.replicationType(), instanceID: newID(), createdAt: c.now, metadata: []spec{},
	}
	if p.snapshot != nil {
		s.snapshotID = &p.snapshot.id
	}
	if p.group != nil {
		s.shareGroupID = &p.group.id
	}
	if p.cg != nil {
		s.consistencyGroupID = &p.cg.id
	}
	a.db.shares.Add(s)
	return s
}

// startShareCreation starts the creation of a share that ends after one
// transition (or at the given time, for the shares of a restored group):
// its first instance then has its export locations and, for a replicated
// type, is the active replica.
func (a *API) startShareCreation(c *call, s *share, fails bool) *transition {
	pending := statusCreating
	if s.snapshotID != nil {
		pending = statusCreatingFromSnapshot
	}
	at := c.now.Add(a.opts.Transition)
	done := s.begin(kindShare+opCreate, at, pending, statusAvailable, statusError, fails)
	a.setEffect(done, effect{kind: effectShareExported, share: s})
	if s.replicationType != nil {
		r := &shareReplica{
			id: s.instanceID, shareID: s.id, projectID: s.projectID, availabilityZone: s.availabilityZone, host: s.host,
			shareNetworkID: s.shareNetworkID, shareServerID: s.shareServerID, replicaState: replicaActive, createdAt: c.now,
		}
		rdone := r.begin(kindShare+opCreate, at, statusCreating, statusAvailable, statusError, fails)
		a.setEffect(rdone, effect{kind: effectReplicaExported, replica: r})
		a.db.replicas.Add(r)
	}
	if fails {
		a.db.recordMessage(s.projectID, "SHARE", s.id, "001", "002", "create: Driver failed to create share.", at)
	}
	return done
}

func (a *API) updateShare(c *call) *fault {
	u, f := parseShareUpdate(c.body)
	if f != nil {
		return f
	}
	s, f := a.shareOfPath(c)
	if f != nil {
		return f
	}
	if u.isPublic != nil && *u.isPublic && !c.tok.isAdmin() {
		return newFault(http.StatusForbidden, "User is not authorized to set 'is_public' to True in the request.")
	}
	if u.hasName {
		s.name = u.name
	}
	if u.hasDescription {
		s.description = u.description
	}
	if u.isPublic != nil {
		s.isPublic = *u.isPublic
	}
	writeJSON(c.w, http.StatusOK, object{{"share", a.shareView(c, s, false)}})
	return nil
}

// deleteShare is ShareController.delete and share.api.delete: a share in
// a group is deleted with the group's ID as a parameter; its status,
// snapshots, group snapshot members and replicas are checked in the
// server's order and with its codes (403, 403, 403, 409; manila-groups.md
// §3.4, §3.5).
func (a *API) deleteShare(c *call) *fault {
	s, f := a.shareOfPath(c)
	if f != nil {
		return f
	}
	q := c.query()
	switch {
	case a.modern && s.shareGroupID != nil && !q.Has("share_group_id"):
		return badRequest("Must provide 'share_group_id' as a request parameter when deleting a share in a share group.")
	case a.modern && s.shareGroupID != nil && q.Get("share_group_id") != *s.shareGroupID:
		return badRequest("The specified 'share_group_id' does not match the share group id of the share.")
	case !a.modern && s.consistencyGroupID != nil && !q.Has("consistency_group_id"):
		return badRequest("Must provide 'consistency_group_id' as a request parameter when deleting a share in a consistency group.")
	case !a.modern && s.consistencyGroupID != nil && q.Get("consistency_group_id") != *s.consistencyGroupID:
		return badRequest("The specified 'consistency_group_id' does not match the consistency group id of the share.")
	}
	if s.status != statusAvailable && s.status != statusError && s.status != "inactive" {
		return newFault(http.StatusForbidden, "Invalid share: Share status must be one of ('available', 'error', 'inactive').")
	}
	if n := len(a.db.snapshotsOfShare(s.id)); n > 0 {
		return newFault(http.StatusForbidden, "Invalid share: Share still has "+strconv.Itoa(n)+" dependent snapshots.")
	}
	if n := a.db.membersOfShare(s.id); n > 0 {
		what := "share group snapshot members"
		if !a.modern {
			what = "cgsnapshot members"
		}
		return newFault(http.StatusForbidden, "Invalid share: Share still has "+strconv.Itoa(n)+" dependent "+what+".")
	}
	if len(a.db.replicasOf(s.id)) > 1 {
		return conflict("Share " + s.id + " has replicas. Remove the replicas before deleting the share.")
	}
	op := kindShare + opDelete
	s.begin(op, c.now.Add(a.opts.Transition), statusDeleting, statusGone, statusErrorDeleting, a.fails(op, s.name))
	for _, r := range a.db.replicasOf(s.id) {
		r.status = statusDeleting
	}
	writeAccepted(c.w)
	return nil
}

// membersOfShare counts the group snapshot members (or, on Newton, the
// cgsnapshot members) of a share.
func (db *manilaDB) membersOfShare(id string) int {
	n := 0
	for _, m := range db.groupMembers.All() {
		if m.shareID == id {
			n++
		}
	}
	for _, m := range db.members.All() {
		if m.shareID == id {
			n++
		}
	}
	return n
}
