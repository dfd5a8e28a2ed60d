package sdrs

import (
	"context"
	"net/http"
	"net/url"
	"testing"
)

// Every filter of the pair list reaches the API as its query parameter;
// the ID lists as the API's example sends them (a JSON array), and unset
// filters not at all.
func TestListPairsSendsFilters(t *testing.T) {
	var query url.Values
	c := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		query = r.URL.Query()
		writeJSON(w, http.StatusOK, map[string]any{"replications": []any{}, "count": 0})
	})
	f := PairFilter{GroupID: "g1", GroupIDs: []string{"g2", "g3"}, ProtectedInstanceID: "i1", ProtectedInstanceIDs: []string{"i2"},
		Name: "a b", Status: "protected", QueryType: "status_abnormal", AvailabilityZone: "az1"}
	if _, _, err := c.ListPairs(context.Background(), f, 5, 10); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"server_group_id": "g1", "server_group_ids": `["g2","g3"]`, "protected_instance_id": "i1",
		"protected_instance_ids": `["i2"]`, "name": "a b", "status": "protected", "query_type": "status_abnormal",
		"availability_zone": "az1", "offset": "5", "limit": "10"}
	for k, v := range want {
		if got := query.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if len(query) != len(want) {
		t.Errorf("query %v has parameters beyond %v", query, want)
	}

	if _, _, err := c.ListPairs(context.Background(), PairFilter{}, 0, 2); err != nil {
		t.Fatal(err)
	}
	if len(query) != 2 || query.Get("limit") != "2" || query.Get("offset") != "0" {
		t.Errorf("unfiltered query = %v, want only limit and offset", query)
	}
}
