package manila

import (
	"net/http"
	"testing"
)

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
