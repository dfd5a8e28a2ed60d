package astra

import "testing"

func TestTopologyFixturesAreDeterministicAndComplete(t *testing.T) {
	a, b := newTopology(), newTopology()
	if len(a.clusters) != 2 || a.clusters[0].id != b.clusters[0].id || a.clusters[0].id != ClusterEastID {
		t.Fatalf("clusters differ between starts: %+v", a.clusters)
	}
	if c, ok := a.cluster(ClusterWestID); !ok || c.name != ClusterWestName {
		t.Errorf("cluster(west) = %+v, %v", c, ok)
	}
	if _, ok := a.cluster("nope"); ok {
		t.Error("unknown cluster found")
	}
	for _, c := range a.clusters {
		if len(c.storageClasses) != 2 || c.storageClasses[0].name != "ontap-gold" || !c.storageClasses[0].isDefault || c.defaultSC != c.storageClasses[0].id {
			t.Errorf("%s storage classes = %+v", c.name, c.storageClasses)
		}
	}
	for _, want := range []struct{ id, cluster string }{{WordpressID, ClusterEastID}, {PostgresID, ClusterEastID}, {MySQLID, ClusterWestID}} {
		got, ok := a.app(want.id)
		if !ok || got.clusterID != want.cluster {
			t.Errorf("app %s = %+v, %v", want.id, got, ok)
		}
	}
}

func TestTopologyAppStore(t *testing.T) {
	tp := newTopology()
	tp.addApp(app{id: "x", name: "dest", clusterID: ClusterWestID, namespaces: []string{"wp"}})
	got, _ := tp.app("x")
	got.namespaces[0] = "changed"
	if again, _ := tp.app("x"); again.namespaces[0] != "wp" {
		t.Fatal("app returned shared state")
	}
	if !tp.updateApp("x", func(a *app) { a.replicaOf = WordpressID }) {
		t.Fatal("update missed")
	}
	if again, _ := tp.app("x"); again.replicaOf != WordpressID {
		t.Fatal("update lost")
	}
	if !tp.removeApp("x") || tp.removeApp("x") || len(tp.listApps()) != 3 {
		t.Fatal("remove")
	}
}
