package astra

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
)

func TestListHookSources(t *testing.T) {
	ta := newTestAPI(t)
	idA := ta.create(t, "alpha")
	ta.create(t, "beta")
	ta.create(t, "gamma")
	list := func(query string) response {
		return ta.do(t, request{method: http.MethodGet, path: collectionURL + query})
	}

	res := list("")
	if ct := res.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q", ct)
	}
	if res.body["type"] != "application/astra-hookSources" || res.body["version"] != "1.0" {
		t.Errorf("envelope = %s", res.raw)
	}
	if md, ok := res.body["metadata"].(map[string]any); !ok || len(md) != 0 {
		t.Errorf("metadata = %v, want {}", res.body["metadata"])
	}
	if got := itemNames(t, res); !equal(got, "NetApp preloaded postgres", "alpha", "beta", "gamma") {
		t.Errorf("order = %v, want creation order", got)
	}

	if got := itemNames(t, list("?limit=2")); !equal(got, "NetApp preloaded postgres", "alpha") {
		t.Errorf("limit=2: %v", got)
	}
	if got := itemNames(t, list("?limit=100")); len(got) != 4 {
		t.Errorf("limit=100: %v", got)
	}
	if got := itemNames(t, list("?filter="+url.QueryEscape("name eq 'beta'"))); !equal(got, "beta") {
		t.Errorf("filter eq: %v", got)
	}
	if got := itemNames(t, list("?filter=name%20gt%20%27alpha%27&limit=1")); !equal(got, "beta") {
		t.Errorf("filter in + limit (limit applies after filter): %v", got)
	}
	if got := itemNames(t, list("?filter="+url.QueryEscape("preloaded eq 'false'")+"&filter="+url.QueryEscape("name gt 'alpha'"))); !equal(got, "beta", "gamma") {
		t.Errorf("repeated filters are ANDed: %v", got)
	}
	if got := itemNames(t, list("?filter="+url.QueryEscape("preloaded eq 'false',name lt 'beta'"))); !equal(got, "alpha") {
		t.Errorf("comma-separated clauses are ANDed: %v", got)
	}
	if got := itemNames(t, list("?filter="+url.QueryEscape("nosuchfield eq 'x'"))); len(got) != 0 {
		t.Errorf("unknown field matches nothing: %v", got)
	}

	res = list("?include=id,name,source,nosuchfield&filter=" + url.QueryEscape("name eq 'alpha'"))
	var body struct {
		Items [][]any `json:"items"`
	}
	if err := json.Unmarshal([]byte(res.raw), &body); err != nil {
		t.Fatalf("include: %v: %s", err, res.raw)
	}
	want := []any{idA, "alpha", exampleSource, nil}
	if len(body.Items) != 1 || len(body.Items[0]) != 4 {
		t.Fatalf("include: %s", res.raw)
	}
	for i := range want {
		if body.Items[0][i] != want[i] {
			t.Errorf("include item[%d] = %#v, want %#v", i, body.Items[0][i], want[i])
		}
	}
	// A private hook source has no source: null under include.
	res = list("?include=source&limit=1")
	if err := json.Unmarshal([]byte(res.raw), &body); err != nil || len(body.Items) != 1 || body.Items[0][0] != nil {
		t.Errorf("include=source of the private item: %s", res.raw)
	}
}

func equal(got []string, want ...string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i] != want[i] {
			return false
		}
	}
	return true
}
