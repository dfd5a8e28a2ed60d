package astra

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/faults"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/notice"
)

// newFaultyMirrorAPI is newMirrorAPI with the sandbox's fault injector and
// notice recorder.
func newFaultyMirrorAPI(t *testing.T, spec string) (*testAPI, *faults.Injector, *notice.Recorder) {
	t.Helper()
	sp, err := faults.Parse(spec)
	if err != nil {
		t.Fatal(err)
	}
	inj, rec := faults.New(sp), notice.New()
	ta := newMirrorAPI(t)
	ta.api = New(Options{Transition: step, Now: func() time.Time { return ta.clock }, Hooks: backend.Hooks{Faults: inj, Notice: rec}})
	mux := http.NewServeMux()
	ta.api.Register(mux)
	ta.handler = mux
	return ta, inj, rec
}

// setFaults replaces the injector's spec, as POST /_sandbox/faults does.
func setFaults(t *testing.T, inj *faults.Injector, spec string) {
	t.Helper()
	sp, err := faults.Parse(spec)
	if err != nil {
		t.Fatal(err)
	}
	inj.Set(sp)
}

// A stalled operation stays in its transitional state past its time, for
// as long as the stall lasts; the first read after the stall is lifted
// ends it. Each operation is stalled by its own name.
func TestAppMirrorStall(t *testing.T) {
	cases := []struct {
		op         string
		transition string // state held by the stall
		target     string
		start      func(ta *testAPI, t *testing.T, id string)
	}{
		{"astra.app_mirror.establish", "establishing", "established", func(*testAPI, *testing.T, string) {}},
		{"astra.app_mirror.failover", "failingOver", "failedOver", func(ta *testAPI, t *testing.T, id string) {
			ta.advance(step)
			ta.put(t, id, 204, quoted("stateDesired", "failedOver"))
		}},
		{"astra.app_mirror.resync", "establishing", "established", func(ta *testAPI, t *testing.T, id string) {
			ta.advance(step)
			ta.put(t, id, 204, quoted("stateDesired", "failedOver"))
			ta.advance(step)
			ta.put(t, id, 204, quoted("stateDesired", "established"))
		}},
		{"astra.app_mirror.reverse", "establishing", "established", func(ta *testAPI, t *testing.T, id string) {
			ta.advance(step)
			m := ta.getMirror(t, id)
			ta.put(t, id, 204, quoted("sourceAppID", m["destinationAppID"].(string)), quoted("destinationAppID", WordpressID),
				quoted("stateDesired", "established"))
		}},
		{"astra.app_mirror.delete", "deleting", "", func(ta *testAPI, t *testing.T, id string) {
			ta.advance(step)
			if res := ta.do(t, request{method: http.MethodDelete, path: mirrorsURL + "/" + id}); res.code != http.StatusNoContent {
				t.Fatalf("DELETE: %d %s", res.code, res.raw)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.op, func(t *testing.T) {
			ta, inj, _ := newFaultyMirrorAPI(t, "stall="+tc.op)
			id := ta.createMirror(t, mirrorBody(WordpressID, ClusterWestID))
			tc.start(ta, t, id)
			for range 3 {
				ta.advance(step)
				wantFields(t, ta.getMirror(t, id), map[string]any{"state": tc.transition})
			}
			if n := inj.Counts()[faults.KindStall]; n == 0 {
				t.Errorf("no stall counted: %v", inj.Counts())
			}
			setFaults(t, inj, "")
			if tc.target == "" {
				if res := ta.get(t, mirrorsURL+"/"+id); res.code != http.StatusNotFound {
					t.Fatalf("after the stall: %d %s, want the relationship gone", res.code, res.raw)
				}
				return
			}
			if m := ta.getMirror(t, id); m["state"] != tc.target || m["healthState"] == "critical" {
				t.Errorf("after the stall: state %v, health %v; want %s", m["state"], m["healthState"], tc.target)
			}
		})
	}
}

// A stall of one operation holds no other.
func TestAppMirrorStallIsPerOperation(t *testing.T) {
	ta, _, _ := newFaultyMirrorAPI(t, "stall=astra.app_mirror.failover")
	id := ta.createMirror(t, mirrorBody(WordpressID, ClusterWestID))
	ta.advance(step)
	wantFields(t, ta.getMirror(t, id), map[string]any{"state": "established"})
}

// A failing operation ends, after its time, in its transitional state with
// health critical and a state detail that names the operation; asking for
// the state again (or deleting again) retries it.
func TestAppMirrorFail(t *testing.T) {
	ta, inj, _ := newFaultyMirrorAPI(t, "fail=astra.app_mirror.establish")
	id := ta.createMirror(t, mirrorBody(WordpressID, ClusterWestID))
	ta.advance(step)
	m := ta.getMirror(t, id)
	wantFields(t, m, map[string]any{"state": "establishing", "stateDesired": "established", "healthState": "critical",
		"transferState": "idle", "stateAllowed": []string{"established", "deleted"}})
	details, _ := m["stateDetails"].([]any)
	if len(details) != 1 {
		t.Fatalf("stateDetails = %v", m["stateDetails"])
	}
	d := details[0].(map[string]any)
	if d["type"] != sandboxDetailBase+"failed" || d["additionalDetails"].(map[string]any)["operation"] != "astra.app_mirror.establish" {
		t.Errorf("stateDetails[0] = %v", d)
	}
	if n := inj.Counts()[faults.KindFail]; n != 1 {
		t.Errorf("fail counted %d times, want 1: %v", n, inj.Counts())
	}
	// The destination app is no ready replica.
	wantFields(t, ta.getApp(t, m["destinationAppID"].(string)), map[string]any{"state": "provisioning"})

	// Still failing: the retry fails again; once the fault is gone it works.
	ta.put(t, id, 204, quoted("stateDesired", "established"))
	ta.advance(step)
	wantFields(t, ta.getMirror(t, id), map[string]any{"state": "establishing", "healthState": "critical"})
	setFaults(t, inj, "")
	wantFields(t, ta.getMirror(t, id), map[string]any{"state": "establishing", "healthState": "critical"})
	ta.put(t, id, 204, quoted("stateDesired", "established"))
	wantFields(t, ta.getMirror(t, id), map[string]any{"state": "establishing", "healthState": "warning"})
	ta.advance(step)
	wantFields(t, ta.getMirror(t, id), map[string]any{"state": "established", "healthState": "normal"})
}

// A failed deletion leaves the relationship deleting; a second DELETE
// retries it.
func TestAppMirrorFailDelete(t *testing.T) {
	ta, inj, _ := newFaultyMirrorAPI(t, "fail=astra.app_mirror.delete")
	id := ta.createMirror(t, mirrorBody(WordpressID, ClusterWestID))
	ta.advance(step)
	del := func() {
		t.Helper()
		if res := ta.do(t, request{method: http.MethodDelete, path: mirrorsURL + "/" + id}); res.code != http.StatusNoContent {
			t.Fatalf("DELETE: %d %s", res.code, res.raw)
		}
	}
	del()
	ta.advance(step)
	wantFields(t, ta.getMirror(t, id), map[string]any{"state": "deleting", "stateDesired": "deleted", "healthState": "critical"})
	setFaults(t, inj, "")
	del()
	ta.advance(step)
	if res := ta.get(t, mirrorsURL+"/"+id); res.code != http.StatusNotFound {
		t.Fatalf("after the retried DELETE: %d %s", res.code, res.raw)
	}
}

// A failed failover: failingOver, critical; the destination app is still a
// replica.
func TestAppMirrorFailFailover(t *testing.T) {
	ta, _, _ := newFaultyMirrorAPI(t, "fail=astra.app_mirror.failover")
	id := ta.createMirror(t, mirrorBody(WordpressID, ClusterWestID))
	ta.advance(step)
	ta.put(t, id, 204, quoted("stateDesired", "failedOver"))
	ta.advance(step)
	m := ta.getMirror(t, id)
	wantFields(t, m, map[string]any{"state": "failingOver", "stateDesired": "failedOver", "healthState": "critical"})
	wantFields(t, ta.getApp(t, m["destinationAppID"].(string)), map[string]any{"replicationSourceAppID": WordpressID})
}

// Reads report the end of a transition to the notice recorder once, under
// the operation's name; reads during the transition report nothing.
func TestAppMirrorNotice(t *testing.T) {
	ta, _, rec := newFaultyMirrorAPI(t, "")
	id := ta.createMirror(t, mirrorBody(WordpressID, ClusterWestID))
	ta.getMirror(t, id)
	if n := len(rec.Snapshot()); n != 0 {
		t.Fatalf("a read during the transition was recorded: %v", rec.Snapshot())
	}
	ta.advance(step)
	ta.getMirror(t, id)
	ta.get(t, mirrorsURL)
	ta.put(t, id, 204, quoted("stateDesired", "failedOver"))
	ta.advance(step)
	ta.get(t, mirrorsURL)
	got := rec.Snapshot()
	if got["astra.app_mirror.establish"].Count != 1 || got["astra.app_mirror.failover"].Count != 1 {
		t.Errorf("notice = %v, want one establish and one failover", got)
	}
}

// Objects lists what the emulator holds, fixtures marked, the
// relationship with its state and the destination app it made as no
// fixture.
func TestObjects(t *testing.T) {
	ta := newMirrorAPI(t)
	hook := ta.create(t, "inventoried")
	id := ta.createMirror(t, mirrorBody(WordpressID, ClusterWestID))
	dest := ta.getMirror(t, id)["destinationAppID"].(string)
	byID := map[string]backend.Object{}
	kinds := map[string]int{}
	for _, o := range ta.api.Objects() {
		byID[o.ID] = o
		kinds[o.Kind]++
		if o.Fixture && (o.ID == hook || o.ID == id || o.ID == dest) {
			t.Errorf("%v is marked a fixture", o)
		}
	}
	for id, want := range map[string]backend.Object{
		hook:                  {Kind: "astra.hook_source", ID: hook, Name: "inventoried"},
		id:                    {Kind: "astra.app_mirror", ID: id, Status: "establishing"},
		dest:                  {Kind: "astra.app", ID: dest, Name: AppWordpress, Status: "provisioning"},
		PreloadedHookSourceID: {Kind: "astra.hook_source", ID: PreloadedHookSourceID, Name: "NetApp preloaded postgres", Fixture: true},
		NetAppExecHookID:      {Kind: "astra.execution_hook", ID: NetAppExecHookID, Name: byID[NetAppExecHookID].Name, Fixture: true},
		WordpressID:           {Kind: "astra.app", ID: WordpressID, Name: AppWordpress, Status: "ready", Fixture: true},
		ClusterWestID:         {Kind: "astra.managed_cluster", ID: ClusterWestID, Name: ClusterWestName, Fixture: true},
	} {
		if got := byID[id]; got != want {
			t.Errorf("object %s = %+v, want %+v", id, got, want)
		}
	}
	for _, kind := range []string{"astra.storage_class", "astra.package"} {
		if kinds[kind] == 0 {
			t.Errorf("no %s listed", kind)
		}
	}
	// Due transitions are applied before listing.
	ta.advance(step)
	if got := slices.IndexFunc(ta.api.Objects(), func(o backend.Object) bool { return o.ID == id && o.Status == "established" }); got < 0 {
		t.Errorf("the relationship is not listed established one step later")
	}
}
