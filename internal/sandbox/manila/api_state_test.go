package manila

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/replicas"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/shares"
)

// What gophercloud made survives Save and Load into a fresh emulator,
// with the same IDs and statuses; the user's token stays good; a replica
// being created at the save is in sync after the restart, and a share
// being extended has its new size.
func TestStateRestoresWhatGophercloudMadeWithOperationsUnderWay(t *testing.T) {
	f := newFixture(t, Options{Modern: true})
	user, _ := gopherclouds(t, f, "2.56")
	ctx := context.Background()
	s := must(shares.Create(ctx, user, shares.CreateOpts{ShareProto: "NFS", Size: 1, Name: "kept", ShareType: ShareTypeReplicatedName}).Extract())
	f.clock.advance(step)
	r := must(replicas.Create(ctx, user, replicas.CreateOpts{ShareID: s.ID, AvailabilityZone: AvailabilityZoneDR}).Extract())
	other := must(shares.Create(ctx, user, shares.CreateOpts{ShareProto: "NFS", Size: 1, Name: "growing", ShareType: ShareTypeGoldName}).Extract())
	f.clock.advance(step)
	must(0, shares.Extend(ctx, user, other.ID, shares.ExtendOpts{NewSize: 5}).ExtractErr())
	must(shares.GrantAccess(ctx, user, s.ID, shares.GrantAccessOpts{AccessType: "ip", AccessTo: "10.0.0.8", AccessLevel: "rw"}).Extract())
	data, err := f.api.Save()
	if err != nil {
		t.Fatal(err)
	}

	g := newFixture(t, Options{Modern: true})
	g.clock.now = f.clock.now
	if err := g.api.Load(data); err != nil {
		t.Fatal(err)
	}
	get := func(x *fixture, path string) response {
		return x.send(request{method: http.MethodGet, path: "/v2/" + ProjectID + path, token: f.user, version: "2.56"})
	}
	for _, p := range []string{"/shares/detail", "/share-replicas/detail", "/share-access-rules?share_id=" + s.ID, "/types", "/share-networks/detail"} {
		before, after := get(f, p), get(g, p)
		if after.status != http.StatusOK || after.raw != strings.ReplaceAll(before.raw, f.srv.URL, g.srv.URL) {
			t.Errorf("GET %s after the restart: %d\n%s\nwant\n%s", p, after.status, after.raw, before.raw)
		}
	}
	g.clock.advance(step)
	replica := obj(t, get(g, "/share-replicas/"+r.ID), "share_replica")
	if replica["status"] != "available" || replica["replica_state"] != "in_sync" {
		t.Errorf("replica after the restart and a step: %v", replica)
	}
	grown := obj(t, get(g, "/shares/"+other.ID), "share")
	if grown["status"] != "available" || grown["size"] != float64(5) {
		t.Errorf("extended share after the restart and a step: %v", grown)
	}
}

func TestStateOfAnotherVersionIsRefused(t *testing.T) {
	if err := New(Options{}).Load([]byte(`{"Version":2}`)); err == nil || !strings.Contains(err.Error(), "version 2") {
		t.Fatalf("err = %v", err)
	}
}
