package faults

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestParseAndString(t *testing.T) {
	sp, err := Parse("5xx=0.2, 429=0.1,reset=0.05,reset_after=0.05,latency=50ms,stall=sdrs.protection_group.create,fail=manila,route=/v1/,seed=7")
	if err != nil {
		t.Fatal(err)
	}
	if sp.P5xx != 0.2 || sp.P429 != 0.1 || sp.PReset != 0.05 || sp.PResetAfter != 0.05 || sp.Latency != 50*time.Millisecond ||
		sp.Seed != 7 || sp.Route != "/v1/" || len(sp.Stall) != 1 || len(sp.Fail) != 1 {
		t.Fatalf("parsed %+v", sp)
	}
	again, err := Parse(sp.String())
	if err != nil || again.String() != sp.String() {
		t.Fatalf("round trip: %q -> %q, %v", sp.String(), again.String(), err)
	}
	if sp, err := Parse(""); err != nil || sp.network() || sp.String() != "" {
		t.Fatalf("empty spec: %+v, %v", sp, err)
	}
	for _, bad := range []string{"5xx", "5xx=2", "429=-0.1", "latency=soon", "flood=1", "5xx=0.6,429=0.5", "seed=x"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

func TestDecisionsAreDeterministicAndFollowTheProbabilities(t *testing.T) {
	sp, _ := Parse("5xx=0.2,429=0.1,reset=0.05,reset_after=0.05,seed=3")
	run := func() []string {
		i := New(sp)
		var kinds []string
		for range 4000 {
			kinds = append(kinds, i.decide(httptest.NewRequest("GET", "/v1/p/server-groups", nil)).kind)
		}
		return kinds
	}
	a, b := run(), run()
	counts := map[string]int{}
	for n := range a {
		if a[n] != b[n] {
			t.Fatalf("request %d: %q then %q with the same seed", n, a[n], b[n])
		}
		counts[a[n]]++
	}
	for kind, p := range map[string]float64{Kind5xx: 0.2, Kind429: 0.1, KindReset: 0.05, KindResetAfter: 0.05, "": 0.6} {
		if got := float64(counts[kind]) / 4000; got < p*0.8 || got > p*1.2 {
			t.Errorf("%q drawn %.3f of the time, want about %.2f", kind, got, p)
		}
	}
	other, _ := Parse("5xx=0.2,429=0.1,reset=0.05,reset_after=0.05,seed=4")
	i := New(other)
	same := 0
	for n := range 200 {
		if i.decide(httptest.NewRequest("GET", "/v1/p/server-groups", nil)).kind == a[n] {
			same++
		}
	}
	if same == 200 {
		t.Error("another seed gave the same faults")
	}
}

func TestRouteNarrowsTheNetworkFaults(t *testing.T) {
	sp, _ := Parse("5xx=1,route=POST /v2/")
	i := New(sp)
	if d := i.decide(httptest.NewRequest("GET", "/v2/p/consistency-groups", nil)); d.kind != "" {
		t.Errorf("GET faulted: %+v", d)
	}
	if d := i.decide(httptest.NewRequest("POST", "/v2/p/consistency-groups", nil)); d.kind != Kind5xx {
		t.Errorf("POST not faulted: %+v", d)
	}
}

func TestStallAndFailMatchOperations(t *testing.T) {
	var nilInjector *Injector
	if nilInjector.Stall("x") || nilInjector.Fail("x") {
		t.Error("a nil injector injected")
	}
	sp, _ := Parse("stall=protection_group.create,fail=manila.")
	i := New(sp)
	if !i.Stall("sdrs.protection_group.create") || i.Stall("sdrs.protection_group.delete") {
		t.Error("stall matched wrongly")
	}
	if !i.Fail("manila.consistency_group.create") || i.Fail("sdrs.replication_pair.create") {
		t.Error("fail matched wrongly")
	}
	if c := i.Counts(); c[KindStall] != 1 || c[KindFail] != 1 {
		t.Errorf("counts %v", c)
	}
}

// serve runs an injector of spec in front of a handler that counts the
// requests it served.
func serve(t *testing.T, spec string) (*httptest.Server, *atomic.Int32, *Injector) {
	t.Helper()
	sp, err := Parse(spec)
	if err != nil {
		t.Fatal(err)
	}
	i := New(sp)
	var served atomic.Int32
	mux := http.NewServeMux()
	mux.Handle("/", i.Wrap(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		served.Add(1)
		w.WriteHeader(http.StatusCreated)
	})))
	mux.Handle(Path, i)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &served, i
}

func TestEachFaultOnTheWire(t *testing.T) {
	noRetry := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for _, tc := range []struct {
		spec, path string
		status     int // 0: a connection error
		served     int32
		body       string
	}{
		{"5xx=1,seed=1", "/accounts/a/core/v1/hookSources", 0, 0, "astra.netapp.io/problems/"},
		{"429=1", "/v1/p/server-groups", 429, 0, "APIGW.0308"},
		{"429=1", "/v2/p/consistency-groups", 429, 0, "overLimit"},
		{"429=1", "/v3/auth/tokens", 429, 0, `"code":429`},
		{"reset=1", "/v1/p/server-groups", 0, 0, ""},
		{"reset_after=1", "/v1/p/server-groups", 0, 1, ""},
		{"latency=1ms", "/v1/p/server-groups", 201, 1, ""},
	} {
		srv, served, _ := serve(t, tc.spec)
		res, err := noRetry.Post(srv.URL+tc.path, "application/json", strings.NewReader("{}"))
		switch {
		case strings.HasPrefix(tc.spec, "5xx"):
			if err != nil || res.StatusCode < 500 {
				t.Errorf("%s: %v %v", tc.spec, res, err)
				continue
			}
		case tc.status == 0:
			if err == nil {
				t.Errorf("%s: got HTTP %d, want a connection error", tc.spec, res.StatusCode)
				_ = res.Body.Close()
			}
		default:
			if err != nil || res.StatusCode != tc.status {
				t.Errorf("%s: %v, %v; want HTTP %d", tc.spec, res, err, tc.status)
				continue
			}
		}
		if res != nil && err == nil {
			body, _ := io.ReadAll(res.Body)
			_ = res.Body.Close()
			if !strings.Contains(string(body), tc.body) {
				t.Errorf("%s %s: body %s lacks %q", tc.spec, tc.path, body, tc.body)
			}
			if tc.status == 429 && res.Header.Get("Retry-After") != "1" {
				t.Errorf("%s: Retry-After %q", tc.spec, res.Header.Get("Retry-After"))
			}
		}
		if served.Load() != tc.served {
			t.Errorf("%s: the server acted %d times, want %d", tc.spec, served.Load(), tc.served)
		}
	}
}

func TestTheSandboxsOwnRoutesAreNeverFaulted(t *testing.T) {
	srv, _, _ := serve(t, "5xx=1")
	res, err := http.Get(srv.URL + Path)
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("GET %s: %v %v", Path, res, err)
	}
	_ = res.Body.Close()
}

func TestFaultsEndpointSetsShowsAndClears(t *testing.T) {
	srv, served, i := serve(t, "")
	post := func(body string) status {
		res, err := http.Post(srv.URL+Path, "text/plain", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var st status
		_ = json.NewDecoder(res.Body).Decode(&st)
		if res.StatusCode != 200 {
			t.Fatalf("POST %q: HTTP %d", body, res.StatusCode)
		}
		return st
	}
	if st := post(`{"spec":"429=1"}`); st.Spec != "429=1" {
		t.Fatalf("spec after POST: %+v", st)
	}
	res, _ := http.Get(srv.URL + "/v1/p/jobs/1")
	_ = res.Body.Close()
	if res.StatusCode != 429 || served.Load() != 0 || i.Counts()[Kind429] != 1 {
		t.Fatalf("after POST: HTTP %d, served %d, counts %v", res.StatusCode, served.Load(), i.Counts())
	}
	bad, _ := http.Post(srv.URL+Path, "text/plain", strings.NewReader("5xx=7"))
	_ = bad.Body.Close()
	if bad.StatusCode != 400 {
		t.Errorf("a bad spec got HTTP %d", bad.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodDelete, srv.URL+Path, nil)
	del, _ := http.DefaultClient.Do(req)
	_ = del.Body.Close()
	res, _ = http.Get(srv.URL + "/v1/p/jobs/1")
	_ = res.Body.Close()
	if res.StatusCode != 201 || i.Spec().network() {
		t.Errorf("after DELETE: HTTP %d, spec %+v", res.StatusCode, i.Spec())
	}
}
