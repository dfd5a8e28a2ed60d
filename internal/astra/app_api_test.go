package astra

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestListAppsSendsFiltersAndChecksTheAnswer(t *testing.T) {
	c, f := newFakeClient(t, func(w http.ResponseWriter, _ *http.Request) {
		// A server that ignores the filters: the client must not widen the result.
		_, _ = io.WriteString(w, `{"items":[
			{"id":"1","name":"web","clusterID":"c1","clusterName":"east","namespaces":["web"],"state":"ready"},
			{"id":"2","name":"web","clusterID":"c2","clusterName":"west","namespaces":["web","cache"],"state":"ready"},
			{"id":"3","name":"db","clusterID":"c2","clusterName":"west","namespaces":["db"],"state":"ready"}],"metadata":{}}`)
	})
	got, err := c.ListApps(context.Background(), AppFilter{Name: "web", ClusterID: "c2", Namespace: "cache"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != "2" {
		t.Errorf("ListApps = %+v, want app 2 only", got)
	}
	r := f.requests[0]
	if r.URL.Path != "/accounts/acc/k8s/v2/apps" {
		t.Errorf("path = %s", r.URL.Path)
	}
	// One filter parameter per field, spaces as %20 (not +).
	want := []string{"filter=name%20eq%20%27web%27", "filter=clusterID%20eq%20%27c2%27", "filter=namespaces%5B%2A%5D%20eq%20%27cache%27"}
	for _, w := range want {
		if !strings.Contains(r.URL.RawQuery, w) {
			t.Errorf("query %s lacks %s", r.URL.RawQuery, w)
		}
	}
	if strings.Contains(r.URL.RawQuery, "+") || r.Header.Get("Authorization") != "Bearer tok" {
		t.Errorf("query %s, Authorization %q", r.URL.RawQuery, r.Header.Get("Authorization"))
	}
}
