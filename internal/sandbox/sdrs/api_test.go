package sdrs

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

func TestEnvExportsCredentialsAndFixtures(t *testing.T) {
	env := map[string]string{}
	for _, v := range New(Options{}).Env("http://127.0.0.1:1") {
		env[v.Name] = v.Value
	}
	if env[EnvEndpoint] != "http://127.0.0.1:1" || env[EnvAccessKey] != AccessKey || env[EnvSecretKey] != SecretKey ||
		env[EnvProjectID] != ProjectID || env[EnvRegion] != Region || env[EnvVPCID] != VPCID || env[EnvDomainID] != DomainID {
		t.Fatalf("env = %v", env)
	}
	if vols := strings.Split(env[EnvVolumeIDs], ","); len(vols) < 3 || vols[0] != VolumeIDs[0] {
		t.Fatalf("volumes = %v", vols)
	}
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(ProjectID) {
		t.Fatalf("project ID %q is not 32 hex digits", ProjectID)
	}
}

// Objects lists the groups and pairs with their statuses, then the
// fixtures; a deleted object is gone once its job has ended.
func TestObjectsListsWhatTheBackendHolds(t *testing.T) {
	ta := newTestAPI(t)
	kinds := func() map[string][]backend.Object {
		out := map[string][]backend.Object{}
		for _, o := range ta.api.Objects() {
			out[o.Kind] = append(out[o.Kind], o)
		}
		return out
	}
	if got := kinds(); len(got[kindProtectionGroup]) != 0 || len(got[kindReplicationPair]) != 0 || len(got[kindInstance]) != 0 ||
		len(got[kindDrill]) != 0 || len(got[kindFailedJob]) != 0 || len(got[kindVolume]) != len(VolumeIDs)+2*len(ServerIDs) ||
		len(got[kindServer]) != len(ServerIDs) || len(got[kindDomain]) != 1 || len(got[kindVPC]) != 2 || len(got[kindSubnet]) != 2 {
		t.Fatalf("a new backend holds %v", got)
	}
	for _, o := range ta.api.Objects() {
		if !o.Fixture {
			t.Errorf("%+v is not a fixture", o)
		}
	}

	res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/server-groups", body: createGroupBody("inv", "")}))
	groups := kinds()[kindProtectionGroup]
	if len(groups) != 1 || groups[0].Status != statusCreating || groups[0].Name != "inv" || groups[0].Fixture {
		t.Fatalf("groups while creating = %+v", groups)
	}
	id := ta.finish(t, res.body["job_id"].(string), jobSuccess)["entities"].(map[string]any)["server_group_id"].(string)
	pairID := ta.createPair(t, id, 4)
	got := kinds()
	if g := got[kindProtectionGroup]; len(g) != 1 || g[0].ID != id || g[0].Status != statusAvailable {
		t.Errorf("groups = %+v", g)
	}
	if p := got[kindReplicationPair]; len(p) != 1 || p[0].ID != pairID || p[0].Status != pairAvailable || p[0].Fixture {
		t.Errorf("pairs = %+v", p)
	}
	for _, v := range got[kindVolume][:len(VolumeIDs)] {
		if want := map[bool]string{true: "in-use", false: "available"}[v.ID == VolumeIDs[4]]; v.Status != want {
			t.Errorf("volume %s is %s, want %s", v.ID, v.Status, want)
		}
	}

	// Objects settles the jobs that ended, as any request does.
	mustOK(t, ta.do(t, request{method: http.MethodDelete, path: "~/replications/" + pairID}))
	ta.advance(transition)
	mustOK(t, ta.do(t, request{method: http.MethodDelete, path: "~/server-groups/" + id}))
	ta.advance(transition)
	if got := kinds(); len(got[kindProtectionGroup]) != 0 || len(got[kindReplicationPair]) != 0 {
		t.Errorf("after the deletions the backend holds %+v", got)
	}
}

// Every ID the sandbox gives (fixtures, groups, pairs, DR-site disks) is a
// UUID, as Huawei Cloud's are: the provider refuses other IDs at plan time.
func TestIDsAreUUIDs(t *testing.T) {
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	ta := newTestAPI(t)
	group := ta.createGroup(t, "ids", "")
	pair := ta.createPair(t, group, 0)
	p := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications/" + pair})).body["replication"].(map[string]any)
	ids := append([]string{DomainID, VPCID, group, pair}, strings.Split(p["volume_ids"].(string), ",")...)
	for _, id := range append(ids, VolumeIDs...) {
		if !uuid.MatchString(id) {
			t.Errorf("%q is not a UUID", id)
		}
	}
	if len(ids) != 6 {
		t.Errorf("volume_ids %q: want the production and the DR-site disk", p["volume_ids"])
	}
}
