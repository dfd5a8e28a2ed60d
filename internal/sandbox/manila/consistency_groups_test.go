package manila

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

var (
	preciseTime = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$`)
	dbTimeRe    = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000$`)
)

func TestConsistencyGroupLifecycle(t *testing.T) {
	f := newFixture(t, Options{})
	res := f.manila(http.MethodPost, "/consistency-groups", f.user, `{"consistency_group": {"name": "cg1", "description": "first",
		"share_types": ["`+ShareTypeDefaultID+`"], "share_network_id": "`+ShareNetworkID+`"}}`)
	expect(t, res, http.StatusAccepted, "")
	cg := obj(t, res, "consistency_group")
	id := cg["id"].(string)
	if cg["status"] != "creating" || cg["host"] != nil || cg["project_id"] != ProjectID || cg["share_network_id"] != ShareNetworkID ||
		cg["source_cgsnapshot_id"] != nil || !preciseTime.MatchString(cg["created_at"].(string)) || strings.HasSuffix(cg["created_at"].(string), ".000000") {
		t.Errorf("create answer %s", res.raw)
	}
	if _, has := cg["share_server_id"]; has {
		t.Error("share_server_id shown to a non-admin")
	}
	links := cg["links"].([]any)
	if links[0].(map[string]any)["href"] != f.srv.URL+"/v2/"+ProjectID+"/consistency_groups/"+id ||
		links[1].(map[string]any)["href"] != f.srv.URL+"/"+ProjectID+"/consistency_groups/"+id {
		t.Errorf("links %v", links)
	}
	if got := f.cgStatus(f.user, id); got != "creating" {
		t.Fatalf("status before the transition = %s", got)
	}
	f.clock.advance(step)
	res = f.manila(http.MethodGet, "/consistency-groups/"+id, f.user, "")
	cg = obj(t, res, "consistency_group")
	if cg["status"] != "available" || cg["host"] != hostDHSS || !dbTimeRe.MatchString(cg["created_at"].(string)) {
		t.Errorf("after the transition %s", res.raw)
	}

	// The admin sees the share server; the summary list shows id, links, name.
	res = f.send(request{method: http.MethodGet, path: "/v2/" + AdminProjectID + "/consistency-groups/" + id, token: f.admin, version: "2.22", experimental: true})
	if sid, has := obj(t, res, "consistency_group")["share_server_id"]; !has || sid != shareServerID(ShareNetworkID, hostDHSS) {
		t.Errorf("admin view %s", res.raw)
	}
	res = f.manila(http.MethodGet, "/consistency-groups", f.user, "")
	if item := res.body["consistency_groups"].([]any)[0].(map[string]any); len(item) != 3 || item["name"] != "cg1" {
		t.Errorf("summary %s", res.raw)
	}

	// Rename in place: 200 with the detail view.
	res = f.manila(http.MethodPut, "/consistency-groups/"+id, f.user, `{"consistency_group": {"name": "cg1-renamed", "description": null}}`)
	expect(t, res, http.StatusOK, "")
	if cg = obj(t, res, "consistency_group"); cg["name"] != "cg1-renamed" || cg["description"] != nil {
		t.Errorf("update %s", res.raw)
	}
	expect(t, f.manila(http.MethodPut, "/consistency-groups/"+id, f.user, `{"consistency_group": {"share_types": []}}`), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "The fields set([u'share_types']) are invalid or not allowed to be updated."}}`)

	// A snapshot blocks the deletion of its group.
	res = f.manila(http.MethodPost, "/cgsnapshots", f.user, `{"cgsnapshot": {"consistency_group_id": "`+id+`", "name": "snap1"}}`)
	expect(t, res, http.StatusAccepted, "")
	snap := obj(t, res, "cgsnapshot")
	snapID := snap["id"].(string)
	if snap["status"] != "creating" || snap["consistency_group_id"] != id ||
		snap["links"].([]any)[0].(map[string]any)["href"] != f.srv.URL+"/v2/"+ProjectID+"/cgsnapshot/"+snapID {
		t.Errorf("cgsnapshot %s", res.raw)
	}
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+id, f.user, ""), http.StatusConflict,
		`{"conflictingRequest": {"code": 409, "message": "Invalid ConsistencyGroup: Cannot delete a consistency group with cgsnapshots"}}`)
	expect(t, f.manila(http.MethodDelete, "/cgsnapshots/"+snapID, f.user, ""), http.StatusConflict,
		`{"conflictingRequest": {"code": 409, "message": "Invalid CGSnapshot: Consistency group snapshot status must be one of ('available', 'error')"}}`)
	f.clock.advance(step)
	res = f.manila(http.MethodGet, "/cgsnapshots/"+snapID+"/members", f.user, "")
	expect(t, res, http.StatusOK, `{"cgsnapshot_members": []}`)
	expect(t, f.manila(http.MethodDelete, "/cgsnapshots/"+snapID, f.user, ""), http.StatusAccepted, "")
	expect(t, f.manila(http.MethodDelete, "/cgsnapshots/"+snapID, f.user, ""), http.StatusConflict, "")
	f.clock.advance(step)
	expect(t, f.manila(http.MethodGet, "/cgsnapshots/"+snapID, f.user, ""), http.StatusNotFound,
		`{"itemNotFound": {"code": 404, "message": "Consistency group snapshot `+snapID+` not found."}}`)

	// Delete: deleting, then gone.
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+id, f.user, ""), http.StatusAccepted, "")
	if got := f.cgStatus(f.user, id); got != "deleting" {
		t.Fatalf("status after DELETE = %s", got)
	}
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+id, f.user, ""), http.StatusConflict,
		`{"conflictingRequest": {"code": 409, "message": "Invalid ConsistencyGroup: Consistency group status must be one of ('available', 'error')"}}`)
	f.clock.advance(step)
	expect(t, f.manila(http.MethodGet, "/consistency-groups/"+id, f.user, ""), http.StatusNotFound,
		`{"itemNotFound": {"code": 404, "message": "Consistency group `+id+` not found."}}`)
}

func TestCreateValidation(t *testing.T) {
	f := newFixture(t, Options{})
	missing := fixtureUUID("missing")
	cases := []struct{ name, body, want string }{
		{"no entity", `{"cg": {}}`, "'consistency_group' is missing from the request body."},
		{"entity not an object", `{"consistency_group": []}`, "'consistency_group' is missing from the request body."},
		{"unknown fields", `{"consistency_group": {"zone": "a", "availability": 1}}`, "The fields set([u'availability', u'zone']) are invalid."},
		{"types and source", `{"consistency_group": {"share_types": [], "source_cgsnapshot_id": "` + missing + `"}}`, "Cannot supply both 'share_types' and 'source_cgsnapshot_id' attributes."},
		{"network and source", `{"consistency_group": {"share_network_id": "` + ShareNetworkID + `", "source_cgsnapshot_id": "` + missing + `"}}`,
			"Cannot supply both 'share_network_id' and 'source_cgsnapshot_id' attributes as the share network is inherited from the source."},
		{"types not uuids", `{"consistency_group": {"share_types": ["gold"]}}`, "The 'share_types' attribute must be a list of uuids"},
		{"source not a uuid", `{"consistency_group": {"source_cgsnapshot_id": "x"}}`, "The 'source_cgsnapshot_id' attribute must be a uuid."},
		{"network not a uuid", `{"consistency_group": {"share_network_id": 5, "share_types": ["` + ShareTypeDefaultID + `"]}}`, "The 'share_network_id' attribute must be a uuid."},
		{"unknown type", `{"consistency_group": {"share_types": ["` + missing + `"]}}`, "Share type with id " + missing + " could not be found"},
		{"mixed DHSS", `{"consistency_group": {"share_types": ["` + ShareTypeGoldID + `", "` + ShareTypeDefaultID + `"]}}`,
			"Invalid input received: The specified share_types cannot have conflicting values for the driver_handles_share_servers extra spec."},
		{"DHSS false with a network", `{"consistency_group": {"share_types": ["` + ShareTypeGoldID + `"], "share_network_id": "` + ShareNetworkID + `"}}`,
			"Invalid input received: When using a share types with the driver_handles_share_servers extra spec as False, a share_network_id must not be provided."},
		{"default type needs a network", `{"consistency_group": {"name": "x"}}`,
			"Invalid input received: When using a share type with the driver_handles_share_servers extra spec as True, a share_network_id must be provided."},
		{"unknown network", `{"consistency_group": {"share_network_id": "` + missing + `"}}`, "Invalid input received: The specified share network does not exist."},
		{"unknown source", `{"consistency_group": {"source_cgsnapshot_id": "` + missing + `"}}`, "Consistency group snapshot " + missing + " could not be found."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expect(t, f.manila(http.MethodPost, "/consistency-groups", f.user, tc.body), http.StatusBadRequest,
				`{"badRequest": {"code": 400, "message": "`+tc.want+`"}}`)
		})
	}
	expect(t, f.manila(http.MethodPost, "/consistency-groups", f.user, `{"consistency_group": `), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "Malformed request body"}}`)
	// No share_types: the default type (with the share network it needs).
	res := f.manila(http.MethodPost, "/consistency-groups", f.user, `{"consistency_group": {"share_network_id": "`+ShareNetworkID+`"}}`)
	expect(t, res, http.StatusAccepted, "")
	if types := obj(t, res, "consistency_group")["share_types"].([]any); len(types) != 1 || types[0] != ShareTypeDefaultID {
		t.Errorf("default types %v", types)
	}
}

func TestCreateFromSnapshotInheritsTypesAndNetwork(t *testing.T) {
	f := newFixture(t, Options{})
	src := f.createCG(f.user, `{"consistency_group": {"share_types": ["`+ShareTypeDefaultID+`"], "share_network_id": "`+ShareNetworkID+`"}}`)
	f.clock.advance(step)
	// Two shares in the source group (created through the share API of a
	// real server; the sandbox has none, so they are added to its store).
	for _, proto := range []string{"NFS", "CIFS"} {
		f.api.db.shares.Add(&share{id: newID(), projectID: ProjectID, consistencyGroupID: src,
			shareTypeID: ShareTypeDefaultID, shareProto: proto, size: 1, readyAt: f.clock.Now()})
	}
	res := f.manila(http.MethodPost, "/cgsnapshots", f.user, `{"cgsnapshot": {"consistency_group_id": "`+src+`"}}`)
	snapID := obj(t, res, "cgsnapshot")["id"].(string)
	// Not available yet: 409.
	expect(t, f.manila(http.MethodPost, "/consistency-groups", f.user, `{"consistency_group": {"source_cgsnapshot_id": "`+snapID+`"}}`),
		http.StatusConflict, `{"conflictingRequest": {"code": 409, "message": "Invalid CGSnapshot: Consistency group snapshot status must be available"}}`)
	f.clock.advance(step)
	res = f.manila(http.MethodGet, "/cgsnapshots/"+snapID+"/members?limit=1", f.user, "")
	members := res.body["cgsnapshot_members"].([]any)
	if len(members) != 1 || members[0].(map[string]any)["share_protocol"] != "NFS" || members[0].(map[string]any)["cgsnapshot_id"] != snapID {
		t.Errorf("members %s", res.raw)
	}
	if next := res.body["cgsnapshot_members_links"].([]any)[0].(map[string]any); !strings.Contains(next["href"].(string), "marker="+snapID) {
		t.Errorf("members link %v", next)
	}

	res = f.manila(http.MethodPost, "/consistency-groups", f.user, `{"consistency_group": {"name": "restored", "source_cgsnapshot_id": "`+snapID+`"}}`)
	expect(t, res, http.StatusAccepted, "")
	cg := obj(t, res, "consistency_group")
	restored := cg["id"].(string)
	if cg["share_network_id"] != ShareNetworkID || cg["source_cgsnapshot_id"] != snapID || cg["host"] != hostDHSS ||
		len(cg["share_types"].([]any)) != 1 || cg["share_types"].([]any)[0] != ShareTypeDefaultID {
		t.Errorf("restored group %s", res.raw)
	}
	if n := len(f.api.db.sharesOf(restored)); n != 2 {
		t.Errorf("restored group has %d shares, want one per member", n)
	}
	// Scheduled at once on the source's host: deleting while creating is refused.
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+restored, f.user, ""), http.StatusConflict, "")
	f.clock.advance(step)
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+restored, f.user, ""), http.StatusConflict,
		`{"conflictingRequest": {"code": 409, "message": "Invalid ConsistencyGroup: Cannot delete a consistency group with shares"}}`)
	// A snapshot needs every share available.
	f.api.db.shares.All()[0].readyAt = f.clock.Now().Add(step)
	res = f.manila(http.MethodPost, "/cgsnapshots", f.user, `{"cgsnapshot": {"consistency_group_id": "`+src+`"}}`)
	expect(t, res, http.StatusConflict, "")
	if !strings.Contains(res.raw, "in consistency group must have status of available in order to create a CG snapshot") {
		t.Errorf("share status conflict %s", res.raw)
	}
}

func TestSnapshotValidation(t *testing.T) {
	f := newFixture(t, Options{})
	missing := fixtureUUID("missing")
	creating := f.createCG(f.user, goldCG("busy"))
	for _, tc := range []struct {
		body   string
		status int
		want   string
	}{
		{`{}`, 400, "'cgsnapshot' is missing from the request body"},
		{`{"cgsnapshot": {"name": "x"}}`, 400, "Must supply 'consistency_group_id' attribute."},
		{`{"cgsnapshot": {"consistency_group_id": "abc"}}`, 400, "The 'consistency_group_id' attribute must be a uuid."},
		{`{"cgsnapshot": {"consistency_group_id": "` + missing + `"}}`, 400, "ConsistencyGroup " + missing + " could not be found."},
		{`{"cgsnapshot": {"consistency_group_id": "` + creating + `"}}`, 409, "Invalid ConsistencyGroup: Consistency group status must be available"},
	} {
		name := map[int]string{400: "badRequest", 409: "conflictingRequest"}[tc.status]
		expect(t, f.manila(http.MethodPost, "/cgsnapshots", f.user, tc.body), tc.status,
			`{"`+name+`": {"code": `+map[int]string{400: "400", 409: "409"}[tc.status]+`, "message": "`+tc.want+`"}}`)
	}
	// A group that was never scheduled is destroyed at once by DELETE.
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+creating, f.user, ""), http.StatusAccepted, "")
	if got := f.cgStatus(f.user, creating); got != "gone" {
		t.Errorf("unscheduled group after DELETE: %s", got)
	}
	// Members of an unknown snapshot: an empty list.
	expect(t, f.manila(http.MethodGet, "/cgsnapshots/"+missing+"/members", f.user, ""), http.StatusOK, `{"cgsnapshot_members": []}`)
}

func TestFailurePrefixAndAdminActions(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.createCG(f.user, goldCG(FailurePrefix+"-db"))
	f.clock.advance(step)
	if got := f.cgStatus(f.user, id); got != "error" {
		t.Fatalf("status = %s, want error", got)
	}
	// Deleting it fails back to error.
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+id, f.user, ""), http.StatusAccepted, "")
	f.clock.advance(step)
	if got := f.cgStatus(f.user, id); got != "error" {
		t.Fatalf("status after a failed delete = %s, want error", got)
	}

	action := func(token, version, body string) response {
		project := ProjectID
		if token == f.admin {
			project = AdminProjectID
		}
		return f.send(request{method: http.MethodPost, path: "/v2/" + project + "/consistency-groups/" + id + "/action",
			token: token, version: version, experimental: true, body: body})
	}
	expect(t, action(f.user, "2.22", `{"force_delete": null}`), http.StatusForbidden,
		`{"forbidden": {"code": 403, "message": "Access was denied to this resource."}}`)
	expect(t, action(f.admin, "2.22", `{"os-force_delete": null}`), http.StatusNotFound, resourceNotFound)
	expect(t, action(f.admin, "2.6", `{"force_delete": null}`), http.StatusNotFound, resourceNotFound)
	expect(t, action(f.admin, "2.22", `{"delete": null}`), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "There is no such action: delete"}}`)
	expect(t, action(f.admin, "2.22", `{"force_delete": null, "reset_status": {}}`), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "Malformed request body"}}`)
	expect(t, action(f.admin, "2.22", `{"reset_status": null}`), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "Must specify 'status'"}}`)
	expect(t, action(f.admin, "2.22", `{"reset_status": {"status": "broken"}}`), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "Invalid state. Valid states: creating, available, deleting, error, error_deleting, migrating, migrating_to."}}`)
	expect(t, action(f.admin, "2.5", `{"os-reset_status": {"status": "available"}}`), http.StatusAccepted, "")
	if got := f.cgStatus(f.user, id); got != "available" {
		t.Fatalf("status after reset = %s", got)
	}
	expect(t, action(f.admin, "2.22", `{"force_delete": null}`), http.StatusAccepted, "")
	if got := f.cgStatus(f.user, id); got != "gone" {
		t.Fatalf("status after force delete = %s", got)
	}
	expect(t, action(f.admin, "2.22", `{"force_delete": null}`), http.StatusNotFound, resourceNotFound)

	// Snapshots have the same actions.
	cg := f.createCG(f.user, goldCG("ok"))
	f.clock.advance(step)
	res := f.manila(http.MethodPost, "/cgsnapshots", f.user, `{"cgsnapshot": {"consistency_group_id": "`+cg+`", "name": "`+FailurePrefix+`"}}`)
	snap := obj(t, res, "cgsnapshot")["id"].(string)
	f.clock.advance(step)
	if s := obj(t, f.manila(http.MethodGet, "/cgsnapshots/"+snap, f.user, ""), "cgsnapshot"); s["status"] != "error" {
		t.Fatalf("snapshot status %v", s["status"])
	}
	expect(t, f.send(request{method: http.MethodPost, path: "/v2/" + AdminProjectID + "/cgsnapshots/" + snap + "/action", token: f.admin,
		version: "2.7", experimental: true, body: `{"force_delete": null}`}), http.StatusAccepted, "")
	expect(t, f.manila(http.MethodGet, "/cgsnapshots/"+snap, f.user, ""), http.StatusNotFound, "")
}

func TestListingPagingAndScope(t *testing.T) {
	f := newFixture(t, Options{})
	var ids []string
	for _, name := range []string{"a", "b", "c"} {
		ids = append(ids, f.createCG(f.user, goldCG(name)))
	}
	adminCG := f.createCG(f.admin, goldCG("admin-only"))

	res := f.manila(http.MethodGet, "/consistency-groups/detail?limit=2&offset=1", f.user, "")
	items := res.body["consistency_groups"].([]any)
	if len(items) != 2 || items[0].(map[string]any)["id"] != ids[1] || items[1].(map[string]any)["status"] != "creating" {
		t.Errorf("page %s", res.raw)
	}
	next := res.body["consistency_groups_links"].([]any)[0].(map[string]any)
	if next["rel"] != "next" || next["href"] != f.srv.URL+"/v2/"+ProjectID+"/consistency_groups?limit=2&marker="+ids[2]+"&offset=1" {
		t.Errorf("next link %v", next)
	}
	res = f.manila(http.MethodGet, "/consistency-groups?limit=5", f.user, "")
	if _, has := res.body["consistency_groups_links"]; has || len(res.body["consistency_groups"].([]any)) != 3 {
		t.Errorf("last page %s", res.raw)
	}
	for query, want := range map[string]string{
		"limit=x": "limit param must be an integer", "offset=1.5": "offset param must be an integer",
		"limit=-1": "limit param must be positive", "offset=-2": "offset param must be positive",
	} {
		expect(t, f.manila(http.MethodGet, "/consistency-groups?"+query, f.user, ""), http.StatusBadRequest,
			`{"badRequest": {"code": 400, "message": "`+want+`"}}`)
	}

	// Project scoping: the user neither lists nor reads the admin's group,
	// even with all_tenants; the admin reads every group and lists them all
	// with all_tenants (any non-empty value, even 0).
	res = f.manila(http.MethodGet, "/consistency-groups?all_tenants=1", f.user, "")
	if len(res.body["consistency_groups"].([]any)) != 3 {
		t.Errorf("user all_tenants %s", res.raw)
	}
	expect(t, f.manila(http.MethodGet, "/consistency-groups/"+adminCG, f.user, ""), http.StatusNotFound, "")
	expect(t, f.manila(http.MethodGet, "/consistency-groups/"+ids[0], f.admin, ""), http.StatusOK, "")
	for query, n := range map[string]int{"": 1, "?all_tenants=0": 4, "?all_tenants=": 1} {
		res = f.manila(http.MethodGet, "/consistency-groups"+query, f.admin, "")
		if got := len(res.body["consistency_groups"].([]any)); got != n {
			t.Errorf("admin list%s: %d groups, want %d", query, got, n)
		}
	}
}
