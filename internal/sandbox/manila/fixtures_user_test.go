package manila

import (
	"context"
	"strings"
	"testing"

	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/replicas"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/shares"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/sharetypes"
)

const userEstate = `{
	"share_types": [
		{"name": "netapp-dr", "description": "ONTAP SnapMirror", "default": true,
		 "extra_specs": {"driver_handles_share_servers": false, "snapshot_support": true, "replication_type": "dr"}},
		{"name": "netapp-dhss", "extra_specs": {"driver_handles_share_servers": "True"}}
	],
	"share_networks": [{"name": "storage-net", "cidr": "10.20.0.0/24"}],
	"availability_zones": ["az-paris", "az-lyon"]
}`

func envOf(a *API) map[string]string {
	out := map[string]string{}
	for _, v := range a.Env("http://sandbox") {
		out[v.Name] = v.Value
	}
	return out
}

// A replicated share of a user's share type in a user's zones, through
// gophercloud.
func TestGophercloudSeesUserFixtures(t *testing.T) {
	f := newFixture(t, Options{Modern: true})
	if err := f.api.Fixtures([]byte(userEstate), true); err != nil {
		t.Fatal(err)
	}
	env := envOf(f.api)
	typeID := env["CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_NETAPP_DR_ID"]
	if typeID != fixtureUUID("share_type/netapp-dr") || env[EnvShareTypeReplicatedID] != typeID || env[EnvAvailabilityZones] != "az-paris,az-lyon" ||
		env[EnvShareNetworkName] != "storage-net" || env[EnvShareGroupTypeID] != fixtureUUID("share_group_type/default") {
		t.Fatalf("env %v", env)
	}
	if _, ok := env[EnvShareTypeGoldID]; ok {
		t.Errorf("the default gold share type is still exported: %v", env)
	}
	user, _ := gopherclouds(t, f, "2.56")
	ctx := context.Background()
	def := must(sharetypes.GetDefault(ctx, user).Extract())
	if def.ID != typeID || def.ExtraSpecs["replication_type"] != "dr" || def.ExtraSpecs["driver_handles_share_servers"] != "False" {
		t.Fatalf("default share type %+v", def)
	}
	s := must(shares.Create(ctx, user, shares.CreateOpts{ShareProto: "NFS", Size: 1, Name: "ledger"}).Extract())
	if s.ShareType != typeID || s.AvailabilityZone != "az-paris" {
		t.Fatalf("share %+v, want the user's default type in the user's first zone", s)
	}
	f.clock.advance(step)
	r := must(replicas.Create(ctx, user, replicas.CreateOpts{ShareID: s.ID, AvailabilityZone: "az-lyon"}).Extract())
	f.clock.advance(step)
	if got := must(replicas.Get(ctx, user, r.ID).Extract()); got.AvailabilityZone != "az-lyon" || got.Status != "available" {
		t.Fatalf("replica %+v", got)
	}
}

func TestUserFixturesExtendTheDefaults(t *testing.T) {
	a := New(Options{})
	if err := a.Fixtures([]byte(`{"share_types": [{"name": "platinum", "extra_specs": {"driver_handles_share_servers": false}}],
		"share_group_types": [{"name": "apps", "share_types": ["platinum", "gold"], "group_specs": {"consistent_snapshot_support": "host"}}]}`), false); err != nil {
		t.Fatal(err)
	}
	env := envOf(a)
	if env[EnvShareTypeGoldID] != ShareTypeGoldID || env["CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_PLATINUM_ID"] == "" ||
		env[EnvShareGroupTypeID] != ShareGroupTypeID || env[EnvAvailabilityZones] != AvailabilityZone+","+AvailabilityZoneDR {
		t.Errorf("env %v", env)
	}
	g, _ := a.db.shareGroupTypes.Find(func(g *shareGroupType) bool { return g.name == "apps" })
	if g == nil || len(g.shareTypes) != 2 || g.shareTypes[1] != ShareTypeGoldID {
		t.Errorf("group type %+v", g)
	}
}

func TestUserFixturesRefuseDuplicatesAndMistakes(t *testing.T) {
	for doc, want := range map[string]string{
		`{"share_types": [{"name": "gold", "extra_specs": {"driver_handles_share_servers": false}}]}`:                               `share type "gold": the name is taken`,
		`{"share_types": [{"name": "x", "id": "` + ShareTypeGoldID + `", "extra_specs": {"driver_handles_share_servers": false}}]}`: `the ID ` + ShareTypeGoldID + ` is taken`,
		`{"share_types": [{"name": "x", "extra_specs": {}}]}`:                                                                       `driver_handles_share_servers is required`,
		`{"share_networks": [{"name": "sn-default"}]}`:                                                                              `share network "sn-default": the name is taken`,
		`{"availability_zones": ["nova"]}`:                                                                                          `availability zone "nova" is given twice`,
		`{"share_group_types": [{"name": "g", "share_types": ["nope"]}]}`:                                                           `no share type "nope"`,
		`{"shares": []}`: `unknown field "shares"`,
	} {
		if err := New(Options{}).Fixtures([]byte(doc), false); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", doc, err, want)
		}
	}
	if err := New(Options{}).Fixtures([]byte(`{"availability_zones": []}`), true); err == nil || !strings.Contains(err.Error(), "at least one availability zone") {
		t.Errorf("err = %v", err)
	}
}
