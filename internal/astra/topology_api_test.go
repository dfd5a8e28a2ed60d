package astra

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

// fakeAPI records the requests and answers with the given handler.
type fakeAPI struct {
	requests []*http.Request
	bodies   []string
}

func newFakeClient(t *testing.T, h func(w http.ResponseWriter, r *http.Request)) (*Client, *fakeAPI) {
	t.Helper()
	f := &fakeAPI{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		f.requests = append(f.requests, r)
		f.bodies = append(f.bodies, string(body))
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(Settings{Endpoint: srv.URL, AccountID: "acc", APIToken: "tok"}, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	return c, f
}

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

func TestFilterValuesTheSyntaxCannotCarryAreMatchedLocally(t *testing.T) {
	c, f := newFakeClient(t, func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, `{"items":[{"id":"1","name":"it's"},{"id":"2","name":"its"}],"metadata":{}}`)
	})
	got, err := c.ListApps(context.Background(), AppFilter{Name: "it's"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != "1" || f.requests[0].URL.RawQuery != "" {
		t.Errorf("ListApps = %+v, query %q", got, f.requests[0].URL.RawQuery)
	}
}

func TestAppMirrorUpdates(t *testing.T) {
	m := &AppMirror{SourceAppID: "a", SourceClusterID: "ca", DestinationAppID: "b", DestinationClusterID: "cb"}
	rev := ReverseUpdate(m)
	if rev.SourceAppID != "b" || rev.DestinationAppID != "a" || rev.SourceClusterID != "cb" || rev.DestinationClusterID != "ca" || rev.StateDesired != "established" {
		t.Errorf("ReverseUpdate = %+v", rev)
	}
	res := ResyncUpdate(m)
	if res.SourceAppID != "a" || res.DestinationAppID != "b" || res.StateDesired != "established" {
		t.Errorf("ResyncUpdate = %+v", res)
	}
	// A failover sends only what the spec's example sends.
	body, _ := json.Marshal(FailoverUpdate())
	if string(body) != `{"type":"application/astra-appMirror","version":"1.1","stateDesired":"failedOver"}` {
		t.Errorf("failover body = %s", body)
	}
}

func TestUpdateAppMirrorAcceptsABody(t *testing.T) {
	// Real servers answered the PUT with 200 and the resource (astra.md §2.7).
	c, f := newFakeClient(t, func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, `{"type":"application/astra-appMirror","state":"failingOver","ReplicatedPVCs_":null}`)
	})
	if err := c.UpdateAppMirror(context.Background(), "m1", FailoverUpdate()); err != nil {
		t.Fatal(err)
	}
	r := f.requests[0]
	if r.Method != http.MethodPut || r.URL.Path != "/accounts/acc/k8s/v1/appMirrors/m1" || r.Header.Get("Content-Type") != "application/astra-appMirror+json" {
		t.Errorf("request %s %s %s", r.Method, r.URL.Path, r.Header.Get("Content-Type"))
	}
}

func TestAppMirrorErrors(t *testing.T) {
	c, _ := newFakeClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		if r.Method == http.MethodGet {
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"type":"https://astra.netapp.io/problems/2","title":"Collection not found","detail":"x","status":"404"}`)
			return
		}
		w.WriteHeader(http.StatusConflict)
		_, _ = io.WriteString(w, `{"type":"https://astra.netapp.io/problems/10","title":"JSON resource conflict","detail":"d","status":"409",
			"invalidFields":[{"name":"sourceAppID","reason":"app is already the source of AppMirror m0"}]}`)
	})
	_, err := c.GetAppMirror(context.Background(), "m1")
	if !apierr.IsNotFound(err) {
		t.Errorf("GetAppMirror on 404: %v", err)
	}
	_, err = c.CreateAppMirror(context.Background(), AppMirrorInput{SourceAppID: "a", DestinationClusterID: "c"})
	var e *apierr.Error
	if !errors.As(err, &e) || e.Code != "problem 10" || !fieldNamed(e, "sourceAppID") {
		t.Fatalf("CreateAppMirror on 409: %v", err)
	}
	var diags fakeDiags
	addAppMirrorError(&diags, "creating", `for source app "a"`, err)
	if !strings.Contains(diags.detail, "terraform import continuity_astra_app_mirror") || !strings.Contains(diags.summary, `for source app "a"`) {
		t.Errorf("diagnostic = %q / %q", diags.summary, diags.detail)
	}
}

// fakeDiags records one AddError.
type fakeDiags struct{ summary, detail string }

func (d *fakeDiags) AddError(summary, detail string) { d.summary, d.detail = summary, detail }

func TestFieldNamed(t *testing.T) {
	e := &apierr.Error{Fields: []apierr.Field{{Name: "namespaceMapping[0].role"}}}
	if !fieldNamed(e, "namespaceMapping") || fieldNamed(e, "namespace") || fieldNamed(e, "storageClasses") {
		t.Error("fieldNamed")
	}
}
