package astra

import "testing"

func TestTopologyFixturesAreDeterministicAndComplete(t *testing.T) {
	a, b := New(Options{}), New(Options{})
	clusters, again := a.clusters.All(), b.clusters.All()
	if len(clusters) != 2 || clusters[0].id != again[0].id || clusters[0].id != ClusterEastID {
		t.Fatalf("clusters differ between starts: %+v", clusters)
	}
	if c, ok := a.clusters.Get(ClusterWestID); !ok || c.name != ClusterWestName {
		t.Errorf("cluster(west) = %+v, %v", c, ok)
	}
	if _, ok := a.clusters.Get("nope"); ok {
		t.Error("unknown cluster found")
	}
	for _, c := range clusters {
		if len(c.storageClasses) != 2 || c.storageClasses[0].name != "ontap-gold" || !c.storageClasses[0].isDefault || c.defaultSC != c.storageClasses[0].id {
			t.Errorf("%s storage classes = %+v", c.name, c.storageClasses)
		}
	}
	for _, want := range []struct{ id, cluster string }{{WordpressID, ClusterEastID}, {PostgresID, ClusterEastID}, {MySQLID, ClusterWestID}} {
		got, ok := a.apps.Get(want.id)
		if !ok || got.clusterID != want.cluster {
			t.Errorf("app %s = %+v, %v", want.id, got, ok)
		}
	}
}

func TestPackageFixtures(t *testing.T) {
	a, b := fixturePackages(), fixturePackages()
	if len(a) < 8 {
		t.Fatalf("%d packages, want at least 8", len(a))
	}
	names, kinds, states, versions := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	ids := map[string]bool{}
	for i, p := range a {
		if p.ID != b[i].ID || !identifierRe.MatchString(p.ID) {
			t.Errorf("package %d: id %q not deterministic or not an Astra identifier", i, p.ID)
		}
		if ids[p.ID] {
			t.Errorf("duplicate id %s", p.ID)
		}
		ids[p.ID] = true
		names[p.PackageName], kinds[p.PackageType], states[p.PackageState], versions[p.PackageVersion] = true, true, true, true
		if !timeRe.MatchString(p.Metadata.CreationTimestamp) {
			t.Errorf("%s: creationTimestamp %q", p.ID, p.Metadata.CreationTimestamp)
		}
		for _, img := range p.Images {
			if len(img.ImageDigest) != len("sha256:")+64 {
				t.Errorf("%s: digest %q", p.ID, img.ImageDigest)
			}
		}
		if (p.PackageState == "available") != (len(p.PackageStateDetails) == 0) {
			t.Errorf("%s: state %s with details %v", p.ID, p.PackageState, p.PackageStateDetails)
		}
	}
	for _, want := range []string{"acc", "acs", "trident"} {
		if !names[want] {
			t.Errorf("no %s package", want)
		}
	}
	if !kinds["install"] || !kinds["patch"] || len(states) < 3 || len(versions) < 4 {
		t.Errorf("kinds %v, states %v, versions %v: not varied enough", kinds, states, versions)
	}
	if got := PackageID("acc", "23.07.0", "install"); got != a[0].ID {
		t.Errorf("PackageID = %s, want %s", got, a[0].ID)
	}
}

func TestFixtureIDsAreDeterministicV5(t *testing.T) {
	// Pinned: the same IDs on every start, across releases.
	if AccountID != "64f3a607-dfb6-5c77-933d-7af76308b5b6" {
		t.Errorf("AccountID = %s", AccountID)
	}
	if PreloadedHookSourceID != "9c71a13a-3e1a-54ea-8b7a-1327e3f65272" {
		t.Errorf("PreloadedHookSourceID = %s", PreloadedHookSourceID)
	}
	for _, id := range []string{AccountID, UserID, PreloadedHookSourceID, systemUserID} {
		if !identifierRe.MatchString(id) {
			t.Errorf("%s does not match type_astra_identifier", id)
		}
	}
}
