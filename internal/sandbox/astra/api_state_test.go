package astra

import (
	"net/http"
	"strings"
	"testing"
)

// restarted returns a fresh emulator, on ta's clock, loaded with ta's
// saved state, as the sandbox is after a restart with -state.
func (ta *testAPI) restarted(t *testing.T) *testAPI {
	t.Helper()
	data, err := ta.api.Save()
	if err != nil {
		t.Fatal(err)
	}
	next := newMirrorAPI(t)
	next.clock = ta.clock
	if err := next.api.Load(data); err != nil {
		t.Fatal(err)
	}
	return next
}

func TestStateRestoresWhatUsersMadeWithPendingOperations(t *testing.T) {
	ta := newMirrorAPI(t)
	hookID := ta.create(t, "pre-snap")
	appID := ta.manageApp(t, "payments", ClusterEastID, "payments")
	_, bucketID := ta.newBucket(t, "backups")
	mirrorID := ta.createMirror(t, mirrorBody(appID, ClusterWestID))
	paths := []string{collectionURL, appsURL, mirrorsURL, clustersURL, credentialsURL, bucketsURL, collectionURL + "/" + hookID, bucketsURL + "/" + bucketID}

	after := ta.restarted(t)
	for _, p := range paths {
		if got, want := after.get(t, p), ta.get(t, p); got.code != want.code || got.raw != want.raw {
			t.Errorf("GET %s after the restart:\n%s\nwant\n%s", p, got.raw, want.raw)
		}
	}
	if s := after.state(t, mirrorsURL+"/"+mirrorID); s != "establishing" {
		t.Fatalf("restored mirror %s, want establishing", s)
	}
	// The relationship under way at the save goes on after the restart.
	after.advance(step)
	if s := after.state(t, mirrorsURL+"/"+mirrorID); s != "established" {
		t.Errorf("mirror %s one step after the restart, want established", s)
	}
	// The namespace the app manages stays managed: a second app of it is refused.
	body := `{"type":"application/astra-app","version":"2.2","name":"again","clusterID":"` + ClusterEastID +
		`","namespaceScopedResources":[{"namespace":"payments"}]}`
	if res := after.sendAstra(t, http.MethodPost, appsURL, "application/astra-app", body); res.code == http.StatusCreated {
		t.Errorf("a second app of the managed namespace payments was created after the restart")
	}
}

func TestStateOfAnotherVersionIsRefused(t *testing.T) {
	if err := New(Options{}).Load([]byte(`{"Version":7}`)); err == nil || !strings.Contains(err.Error(), "version 7") {
		t.Fatalf("err = %v", err)
	}
}
