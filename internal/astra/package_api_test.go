package astra

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestListPackagesQueryAndDecoding checks the query the client sends and
// how it reads whole items and projected rows.
func TestListPackagesQueryAndDecoding(t *testing.T) {
	var gotQuery string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotQuery = r.URL.RawQuery
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Query().Get("include") != "" {
			_, _ = io.WriteString(w, `{"items":[["id-1","24.02.0",{"minVersion":"23.10.0"}]],"metadata":{}}`)
			return
		}
		_, _ = io.WriteString(w, `{"items":[{"id":"id-1","packageName":"acc","packageVersion":"24.02.0","packageType":"install",`+
			`"upgradableVersions":{"minVersion":"23.10.0"},"metadata":{"labels":[],"creationTimestamp":"2024-03-04T10:00:00Z"}}],"metadata":{}}`)
	}))
	defer srv.Close()
	c, err := NewClient(Settings{Endpoint: srv.URL, AccountID: "acct", APIToken: "t"}, srv.Client())
	if err != nil {
		t.Fatal(err)
	}

	list, err := c.ListPackages(context.Background(), PackageQuery{Filter: "packageName eq 'acc'", OrderBy: "packageVersion desc", Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if want := "filter=packageName%20eq%20%27acc%27&limit=5&orderBy=packageVersion%20desc"; gotQuery != want {
		t.Errorf("query = %s, want %s", gotQuery, want)
	}
	if len(list.Packages) != 1 || list.Rows != nil || list.Packages[0].UpgradableVersions.MinVersion != "23.10.0" {
		t.Errorf("whole items = %+v", list)
	}
	m := packageFromAPI(list.Packages[0])
	if m.UpgradableMaxVersion.IsNull() != true || m.CreatedAt.ValueString() != "2024-03-04T10:00:00Z" || len(m.Images) != 0 || m.Images == nil {
		t.Errorf("model = %+v", m)
	}

	list, err = c.ListPackages(context.Background(), PackageQuery{Include: []string{"id", "packageVersion", "upgradableVersions"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "include=id%2CpackageVersion%2CupgradableVersions"; gotQuery != want {
		t.Errorf("query = %s, want %s", gotQuery, want)
	}
	if len(list.Rows) != 1 || len(list.Rows[0]) != 3 || list.Packages != nil {
		t.Errorf("rows = %+v", list)
	}
}
