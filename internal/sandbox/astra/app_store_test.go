package astra

import "testing"

func TestAppStore(t *testing.T) {
	a := New(Options{})
	a.apps.Add(&app{id: "x", name: "dest", clusterID: ClusterWestID, namespaces: []string{"wp"}})
	got, _ := a.apps.Get("x")
	c, _ := a.clusters.Get(ClusterWestID)
	v := got.view(c).(appBody)
	v.Namespaces[0] = "changed"
	if again, _ := a.apps.Get("x"); again.namespaces[0] != "wp" {
		t.Fatal("the view shares the app's state")
	}
	a.editApp("x", func(x *app) { x.replicaOf = WordpressID })
	if again, _ := a.apps.Get("x"); again.replicaOf != WordpressID {
		t.Fatal("edit lost")
	}
	if p := a.removeApp("x"); p != nil {
		t.Fatalf("remove: %v", p)
	}
	if p := a.removeApp("x"); p == nil || p.Type != problemTypeBase+"1" || a.apps.Len() != 3 {
		t.Fatalf("remove again: %v, %d apps", p, a.apps.Len())
	}
	if p := a.removeApp(WordpressID); p == nil || p.Type != problemTypeBase+"11" {
		t.Errorf("remove of a fixture app: %v", p)
	}
}
