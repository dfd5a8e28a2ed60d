package sdrs

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

func TestListGroupsSendsFilters(t *testing.T) {
	var query string
	c := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		query = r.URL.RawQuery
		writeJSON(w, http.StatusOK, map[string]any{"server_groups": []any{}, "count": 0})
	})
	if _, _, err := c.ListGroups(context.Background(), GroupFilter{Name: "a b", Status: "protected", AvailabilityZone: "az1", QueryType: "stop_protected"}, 5, 10); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"name=a%20b", "status=protected", "availability_zone=az1", "query_type=stop_protected", "offset=5", "limit=10"} {
		if !strings.Contains(query, want) {
			t.Errorf("query %q lacks %q", query, want)
		}
	}
}
