package manila

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strings"
)

// uuidLike is oslo's uuidutils.is_uuid_like: a UUID with or without dashes,
// in any case, optionally in braces or with a urn:uuid: prefix.
var uuidLike = regexp.MustCompile(`^(?i)(urn:uuid:)?\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$`)

// uuidString returns v when it is a UUID-like string.
func uuidString(v any) (string, bool) {
	s, ok := v.(string)
	return s, ok && uuidLike.MatchString(s)
}

// entity returns body[name] when the body is an object holding an object
// under name (wsgi.Controller.is_valid_body).
func entity(raw json.RawMessage, name string) (map[string]json.RawMessage, bool) {
	var body map[string]json.RawMessage
	if json.Unmarshal(raw, &body) != nil {
		return nil, false
	}
	var inner map[string]json.RawMessage
	if v, ok := body[name]; !ok || json.Unmarshal(v, &inner) != nil || inner == nil {
		return nil, false
	}
	return inner, true
}

// pySet renders field names as Python 2.7 renders a set of unicode strings
// read from JSON: set([u'a', u'b']).
func pySet(names []string) string {
	slices.Sort(names)
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "u'" + strings.ReplaceAll(n, "'", `\'`) + "'"
	}
	return "set([" + strings.Join(quoted, ", ") + "])"
}

// invalidKeys returns the keys of fields outside allowed.
func invalidKeys(fields map[string]json.RawMessage, allowed ...string) []string {
	var bad []string
	for k := range fields {
		if !slices.Contains(allowed, k) {
			bad = append(bad, k)
		}
	}
	return bad
}

// optionalString decodes a name or description: null, or a string (other
// JSON values are stored as their text, as the database would coerce them).
func optionalString(raw json.RawMessage) *string {
	if raw == nil || string(raw) == "null" {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return &s
	}
	return strPtr(string(raw))
}

// decode returns the JSON value of raw.
func decode(raw json.RawMessage) any {
	var v any
	_ = json.Unmarshal(raw, &v)
	return v
}

// cgView is the detail view of a consistency group
// (manila/api/views/consistency_groups.py): share_server_id only for admins;
// created_at keeps its microseconds only in the answer to the creation.
func (c *call) cgView(cg *consistencyGroup, fresh bool) object {
	created := dbTime(cg.createdAt)
	if fresh {
		created = pyTime(cg.createdAt)
	}
	types := cg.shareTypes
	if types == nil {
		types = []string{}
	}
	o := object{
		{"status", cg.status}, {"description", cg.description}, {"links", c.links("consistency_groups", cg.id)},
		{"source_cgsnapshot_id", cg.sourceCGSnapshotID}, {"created_at", created}, {"share_network_id", cg.shareNetworkID},
	}
	if c.tok.isAdmin() {
		o = append(o, field{"share_server_id", cg.shareServerID})
	}
	return append(o, field{"host", cg.host}, field{"project_id", cg.projectID}, field{"share_types", types},
		field{"id", cg.id}, field{"name", cg.name})
}

func (a *API) listCGs(detail bool) handler {
	return func(c *call) *fault {
		p, f := c.parsePagination()
		if f != nil {
			return f
		}
		var rows []*consistencyGroup
		for _, cg := range a.store.cgs {
			if (c.allTenants()) || cg.projectID == c.tok.projectID {
				rows = append(rows, cg)
			}
		}
		start, end := p.window(len(rows))
		rows = rows[start:end]
		items := make([]object, 0, len(rows))
		for _, cg := range rows {
			if detail {
				items = append(items, c.cgView(cg, false))
			} else {
				items = append(items, object{{"id", cg.id}, {"links", c.links("consistency_groups", cg.id)}, {"name", cg.name}})
			}
		}
		out := object{{"consistency_groups", items}}
		if len(rows) > 0 {
			if links := c.collectionLinks(p, len(rows), "consistency_groups", rows[len(rows)-1].id); links != nil {
				out = append(out, field{"consistency_groups_links", links})
			}
		}
		writeJSON(c.w, http.StatusOK, out)
		return nil
	}
}

func cgNotFound(id string) *fault { return notFound("Consistency group " + id + " not found.") }

func (a *API) showCG(c *call) *fault {
	id := c.r.PathValue("id")
	cg := a.store.cg(c.tok, id)
	if cg == nil {
		return cgNotFound(id)
	}
	writeJSON(c.w, http.StatusOK, object{{"consistency_group", c.cgView(cg, false)}})
	return nil
}

// createCG is CGController.create followed by consistency_group.api.create.
func (a *API) createCG(c *call) *fault {
	in, ok := entity(c.body, "consistency_group")
	if !ok {
		return badRequest("'consistency_group' is missing from the request body.")
	}
	if bad := invalidKeys(in, "name", "description", "share_types", "source_cgsnapshot_id", "share_network_id"); len(bad) > 0 {
		return badRequest("The fields " + pySet(bad) + " are invalid.")
	}
	_, hasTypes := in["share_types"]
	_, hasSource := in["source_cgsnapshot_id"]
	_, hasNetwork := in["share_network_id"]
	if hasTypes && hasSource {
		return badRequest("Cannot supply both 'share_types' and 'source_cgsnapshot_id' attributes.")
	}
	if hasNetwork && hasSource {
		return badRequest("Cannot supply both 'share_network_id' and 'source_cgsnapshot_id' attributes as the share network is inherited from the source.")
	}
	var typeIDs []string
	rawTypes := decode(in["share_types"])
	if truthy(rawTypes) {
		list, isList := rawTypes.([]any)
		if !isList {
			return badRequest("The 'share_types' attribute must be a list of uuids")
		}
		for _, v := range list {
			id, ok := uuidString(v)
			if !ok {
				return badRequest("The 'share_types' attribute must be a list of uuids")
			}
			typeIDs = append(typeIDs, id)
		}
	} else if !hasSource {
		typeIDs = []string{a.store.defaultShareType().id}
	}
	var sourceID, networkID *string
	if hasSource {
		id, ok := uuidString(decode(in["source_cgsnapshot_id"]))
		if !ok {
			return badRequest("The 'source_cgsnapshot_id' attribute must be a uuid.")
		}
		sourceID = &id
	}
	if hasNetwork {
		id, ok := uuidString(decode(in["share_network_id"]))
		if !ok {
			return badRequest("The 'share_network_id' attribute must be a uuid.")
		}
		networkID = &id
	}

	cg := &consistencyGroup{
		id: newID(), name: optionalString(in["name"]), description: optionalString(in["description"]),
		projectID: c.tok.projectID, userID: c.tok.userID, status: statusCreating, createdAt: c.now,
		sourceCGSnapshotID: sourceID, shareNetworkID: networkID,
	}
	var original *consistencyGroup
	var members []*cgsnapshotMember
	if sourceID != nil {
		snap := a.store.snapshot(c.tok, *sourceID)
		if snap == nil {
			return badRequest("Consistency group snapshot " + *sourceID + " could not be found.")
		}
		if snap.status != statusAvailable {
			return conflict("Invalid CGSnapshot: Consistency group snapshot status must be available")
		}
		original = a.store.cg(c.tok, snap.consistencyGroupID)
		if original == nil {
			return badRequest("ConsistencyGroup " + snap.consistencyGroupID + " could not be found.")
		}
		typeIDs = slices.Clone(original.shareTypes)
		cg.shareNetworkID, cg.host = original.shareNetworkID, original.host
		members = a.store.membersOf(snap.id)
	}
	var dhss *bool
	for _, id := range typeIDs {
		st, ok := a.store.shareType(id)
		if !ok {
			return badRequest("Share type with id " + id + " could not be found")
		}
		handles := st.dhss()
		if dhss == nil {
			dhss = &handles
		} else if *dhss != handles {
			return badRequest("Invalid input received: The specified share_types cannot have conflicting values for the driver_handles_share_servers extra spec.")
		}
		if !handles && networkID != nil {
			return badRequest("Invalid input received: When using a share types with the driver_handles_share_servers extra spec as False, a share_network_id must not be provided.")
		}
	}
	if networkID != nil {
		if _, ok := a.store.shareNetwork(c.tok, *networkID); !ok {
			return badRequest("Invalid input received: The specified share network does not exist.")
		}
	}
	if dhss != nil && *dhss && sourceID == nil && networkID == nil {
		return badRequest("Invalid input received: When using a share type with the driver_handles_share_servers extra spec as True, a share_network_id must be provided.")
	}
	cg.shareTypes = typeIDs

	done := &transition{at: c.now.Add(a.opts.Transition), status: statusAvailable, created: true}
	switch {
	case original != nil:
		done.host, done.shareServerID = original.host, original.shareServerID
	case dhss != nil && *dhss:
		done.host = strPtr(hostDHSS)
		done.shareServerID = strPtr(shareServerID(*networkID, hostDHSS))
	default:
		done.host = strPtr(hostNoDHSS)
	}
	if failing(cg.name) {
		done.status, done.shareServerID = statusError, nil
	}
	cg.next = done
	a.store.cgs = append(a.store.cgs, cg)
	for _, m := range members {
		a.store.shares = append(a.store.shares, &share{
			id: newID(), projectID: c.tok.projectID, consistencyGroupID: cg.id, shareTypeID: m.shareTypeID,
			shareProto: m.shareProto, size: m.size, readyAt: done.at,
		})
	}
	writeJSON(c.w, http.StatusAccepted, object{{"consistency_group", c.cgView(cg, true)}})
	return nil
}

// truthy is Python's truthiness of a decoded JSON value.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case float64:
		return x != 0
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

func (a *API) updateCG(c *call) *fault {
	in, ok := entity(c.body, "consistency_group")
	if !ok {
		return badRequest("'consistency_group' is missing from the request body.")
	}
	if bad := invalidKeys(in, "name", "description"); len(bad) > 0 {
		return badRequest("The fields " + pySet(bad) + " are invalid or not allowed to be updated.")
	}
	id := c.r.PathValue("id")
	cg := a.store.cg(c.tok, id)
	if cg == nil {
		return cgNotFound(id)
	}
	if v, ok := in["name"]; ok {
		cg.name = optionalString(v)
	}
	if v, ok := in["description"]; ok {
		cg.description = optionalString(v)
	}
	writeJSON(c.w, http.StatusOK, object{{"consistency_group", c.cgView(cg, false)}})
	return nil
}

// deleteCG is CGController.delete and consistency_group.api.delete.
func (a *API) deleteCG(c *call) *fault {
	id := c.r.PathValue("id")
	cg := a.store.cg(c.tok, id)
	if cg == nil {
		return cgNotFound(id)
	}
	if cg.host == nil {
		// Never scheduled: the row is destroyed at once.
		a.store.removeCG(cg.id)
		writeAccepted(c.w)
		return nil
	}
	if cg.status != statusAvailable && cg.status != statusError {
		return conflict("Invalid ConsistencyGroup: Consistency group status must be one of ('available', 'error')")
	}
	if a.store.snapshotsOf(cg.id) > 0 {
		return conflict("Invalid ConsistencyGroup: Cannot delete a consistency group with cgsnapshots")
	}
	if len(a.store.sharesOf(cg.id)) > 0 {
		return conflict("Invalid ConsistencyGroup: Cannot delete a consistency group with shares")
	}
	cg.status = statusDeleting
	end := &transition{at: c.now.Add(a.opts.Transition), status: statusGone}
	if failing(cg.name) {
		end.status = statusError // The driver failed to delete it.
	}
	cg.next = end
	writeAccepted(c.w)
	return nil
}
