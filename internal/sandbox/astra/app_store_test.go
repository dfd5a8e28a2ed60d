package astra

import "testing"

func TestAppStore(t *testing.T) {
	a := New(Options{})
	a.apps.Add(&app{id: "x", name: "dest", clusterID: ClusterWestID, resources: []namespaceResource{{Namespace: "wp"}}, state: appReady})
	got, _ := a.apps.Get("x")
	c, _ := a.clusters.Get(ClusterWestID)
	v := got.view(appReady, c, nil).(appBody)
	v.Namespaces[0] = "changed"
	v.NamespaceScopedResources[0].Namespace = "changed"
	if again, _ := a.apps.Get("x"); again.namespaces()[0] != "wp" {
		t.Fatal("the view shares the app's state")
	}
	a.editApp("x", func(x *app) { x.replicaOf = WordpressID })
	if again, _ := a.apps.Get("x"); again.replicaOf != WordpressID {
		t.Fatal("edit lost")
	}
	if p := a.removeApp("x"); p == nil || p.Type != problemTypeBase+"119" && a.appMirrorOf("x") != nil {
		t.Logf("remove of a replica: %v", p)
	}
	a.editApp("x", func(x *app) { x.replicaOf = "" })
	if p := a.removeApp("x"); p != nil {
		t.Fatalf("remove: %v", p)
	}
	if got := a.appState(got); got != appDeleting {
		t.Fatalf("state after remove: %s", got)
	}
	if p := a.removeApp("x"); p != nil {
		t.Fatalf("remove while deleting: %v", p)
	}
	a.settle(a.now())
	if p := a.removeApp("x"); p == nil || p.Type != problemTypeBase+"1" || a.apps.Len() != 3 {
		t.Fatalf("remove once gone: %v, %d apps", p, a.apps.Len())
	}
	if p := a.removeApp(WordpressID); p == nil || p.Type != problemTypeBase+"11" {
		t.Errorf("remove of a fixture app: %v", p)
	}
}
