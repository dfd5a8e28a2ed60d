package manila

import (
	"net/http"
	"testing"
)

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
