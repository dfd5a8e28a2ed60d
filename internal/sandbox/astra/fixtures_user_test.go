package astra

import (
	"strings"
	"testing"
)

func envOf(a *API) map[string]string {
	out := map[string]string{}
	for _, v := range a.Env("http://sandbox") {
		out[v.Name] = v.Value
	}
	return out
}

func TestUserFixturesExtendTheDefaults(t *testing.T) {
	ta := newMirrorAPI(t)
	err := ta.api.Fixtures([]byte(`{
		"clusters": [{"name": "prod-east", "type": "openshift", "storage_classes": [{"name": "fast"}, {"name": "netapp-nas", "default": true}]}],
		"apps": [{"name": "shop", "cluster": "prod-east", "namespaces": ["shop", "shop-db"]}],
		"namespaces": ["prod-east/billing", "cluster-west/billing"]}`), false)
	if err != nil {
		t.Fatal(err)
	}
	env := envOf(ta.api)
	clusterID, appID := env["CONTINUITY_SANDBOX_ASTRA_CLUSTER_PROD_EAST_ID"], env["CONTINUITY_SANDBOX_ASTRA_APP_SHOP_ID"]
	if clusterID != fixtureID("cluster/prod-east") || appID != fixtureID("app/prod-east/shop") {
		t.Fatalf("env %v", env)
	}
	if env[EnvClusterEastID] != ClusterEastID || env[EnvWordpressAppID] != WordpressID {
		t.Errorf("the defaults' variables are gone: %v", env)
	}
	if got := env[EnvUnmanagedNamespaces]; !strings.HasSuffix(got, ",prod-east/billing,cluster-west/billing") {
		t.Errorf("%s = %s", EnvUnmanagedNamespaces, got)
	}
	wantFields(t, ta.getApp(t, appID), map[string]any{"name": "shop", "clusterID": clusterID, "clusterName": "prod-east",
		"namespaces": []string{"shop", "shop-db"}, "state": "ready"})
	c := ta.mustGet(t, clustersURL+"/"+clusterID)
	wantFields(t, c, map[string]any{"name": "prod-east", "clusterType": "openshift", "defaultStorageClass": fixtureID("storageClass/prod-east/netapp-nas")})
	// The namespace is free to manage.
	ta.manageApp(t, "billing", clusterID, "billing")
}

func TestUserFixturesReplaceTheDefaults(t *testing.T) {
	a := New(Options{})
	if err := a.Fixtures([]byte(`{"clusters": [{"name": "dc1"}], "apps": [{"name": "erp", "cluster": "dc1"}]}`), true); err != nil {
		t.Fatal(err)
	}
	env := envOf(a)
	if _, ok := env[EnvClusterEastID]; ok || env[EnvUnmanagedNamespaces] != "" || env["CONTINUITY_SANDBOX_ASTRA_APP_ERP_ID"] == "" {
		t.Errorf("env %v, want only dc1 and erp", env)
	}
	if n := len(a.clusters.Rows()); n != 1 {
		t.Errorf("%d clusters, want 1", n)
	}
	// Only the kinds given replace: here the apps, not the clusters.
	b := New(Options{})
	if err := b.Fixtures([]byte(`{"apps": [{"name": "erp", "cluster": "cluster-west", "namespaces": ["erp"]}]}`), true); err != nil {
		t.Fatal(err)
	}
	env = envOf(b)
	if env[EnvClusterEastID] != ClusterEastID || env[EnvWordpressAppID] != "" || env[EnvUnmanagedNamespaces] != strings.Join(UnmanagedNamespaces, ",") {
		t.Errorf("env %v, want the default clusters and namespaces, and erp the only app", env)
	}
}

func TestUserFixturesRefuseDuplicates(t *testing.T) {
	for doc, want := range map[string]string{
		`{"clusters": [{"name": "cluster-east"}]}`:                                          `cluster "cluster-east": the name is taken`,
		`{"clusters": [{"name": "a", "id": "` + ClusterWestID + `"}]}`:                      `the ID ` + ClusterWestID + ` is taken`,
		`{"apps": [{"name": "x", "cluster": "cluster-east", "id": "` + WordpressID + `"}]}`: `app "x": the ID`,
		`{"apps": [{"name": "x", "cluster": "cluster-east", "namespaces": ["wordpress"]}]}`: `namespace "wordpress" of cluster "cluster-east" is another app's`,
		`{"apps": [{"name": "wordpress", "cluster": "cluster-west"}]}`:                      `app "wordpress": the name is taken`,
		`{"apps": [{"name": "x", "cluster": "nowhere"}]}`:                                   `no cluster "nowhere"`,
		`{"namespaces": ["cluster-east/payments"]}`:                                         `given twice`,
		`{"colour": "red"}`: `unknown field "colour"`,
	} {
		if err := New(Options{}).Fixtures([]byte(doc), false); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", doc, err, want)
		}
	}
}
