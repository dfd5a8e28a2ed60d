package sdrs

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
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

// FindNewGroup adopts the one group of the create's name, sites, domain
// and VPC created since the request; older groups, groups of another name
// (the API's name filter is a substring match) or site do not count, and
// two candidates cannot be told apart: none is adopted.
func TestFindNewGroup(t *testing.T) {
	since := time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC)
	group := func(id, name, az, created string) map[string]any {
		return map[string]any{"id": id, "name": name, "source_availability_zone": az, "target_availability_zone": "az2",
			"domain_id": "d", "source_vpc_id": "v", "created_at": created}
	}
	var groups []any
	c := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"server_groups": groups, "count": len(groups)})
	})
	in := model.CreateProtectionGroupRequestParams{Name: "g", SourceAvailabilityZone: "az1", TargetAvailabilityZone: "az2", DomainId: "d", SourceVpcId: "v"}
	groups = []any{
		group("old", "g", "az1", "2026-05-06 07:08:08.999"),
		group("longer", "g2", "az1", "2026-05-06 07:08:10.000"),
		group("other-site", "g", "az3", "2026-05-06 07:08:10.000"),
		group("new", "g", "az1", "2026-05-06 07:08:09.000"),
	}
	if id, ok, err := c.FindNewGroup(context.Background(), in, since); id != "new" || !ok || err != nil {
		t.Fatalf("FindNewGroup = %q, %v, %v; want new", id, ok, err)
	}
	groups = groups[:3]
	if id, ok, err := c.FindNewGroup(context.Background(), in, since); ok || err != nil {
		t.Fatalf("FindNewGroup = %q, %v, %v; want none", id, ok, err)
	}
	groups = append(groups, group("a", "g", "az1", "2026-05-06T07:08:10.000Z"), group("b", "g", "az1", "2026-05-06 07:08:11.5"))
	if _, ok, err := c.FindNewGroup(context.Background(), in, since); ok || err == nil ||
		!strings.Contains(err.Error(), "2 protection groups named \"g\"") || !strings.Contains(err.Error(), "(a, b), so none is adopted") {
		t.Fatalf("FindNewGroup of two candidates: %v, %v", ok, err)
	}
}

func TestParseAPITime(t *testing.T) {
	want := time.Date(2019, 5, 22, 8, 16, 54, 413000000, time.UTC)
	for _, s := range []string{"2019-05-22 08:16:54.413", "2019-05-22T08:16:54.413Z", "2019-05-22T08:16:54.413000"} {
		if got, ok := parseAPITime(s); !ok || !got.Equal(want) {
			t.Errorf("parseAPITime(%q) = %v, %v", s, got, ok)
		}
	}
	if _, ok := parseAPITime("22/05/2019"); ok || createdSince("", want) {
		t.Error("an unreadable time was read")
	}
}
