package acctest

import (
	"context"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/astra"
)

// Fixture IDs of the Astra sandbox, exported by its env file.
const (
	EnvAstraClusterEastID = "CONTINUITY_SANDBOX_ASTRA_CLUSTER_EAST_ID"
	EnvAstraClusterWestID = "CONTINUITY_SANDBOX_ASTRA_CLUSTER_WEST_ID"
	EnvAstraWordpressID   = "CONTINUITY_SANDBOX_ASTRA_APP_WORDPRESS_ID"
	EnvAstraPostgresID    = "CONTINUITY_SANDBOX_ASTRA_APP_POSTGRES_ID"
	EnvAstraMySQLID       = "CONTINUITY_SANDBOX_ASTRA_APP_MYSQL_ID"
)

// AstraApp manages a new app of a unique name (prefix plus a random
// suffix), on the managed cluster whose ID is in the variable clusterEnv,
// with one namespace of the same name. An app can be in one replication
// relationship only, so parallel AppMirror tests each replicate an app of
// their own.
//
// When the test ends (after its CheckDestroy), every app of that name is
// unmanaged: the app itself and the destination apps that AppMirror
// relationships created from it, which Astra Control names like their
// source and keeps after the relationship is deleted.
func AstraApp(t *testing.T, prefix, clusterEnv string) *astra.App {
	t.Helper()
	client := AstraClient(t)
	cluster := SandboxEnv(t, clusterEnv)
	name := RandomName(prefix)
	app, err := client.ManageApp(context.Background(), astra.AppInput{Name: name, ClusterID: cluster, Namespaces: []string{name}})
	if err != nil {
		t.Fatalf("managing app %s: %s", name, err)
	}
	// Astra Control discovers a new app before it is ready.
	if app, err = client.WaitAppReady(context.Background(), app.ID); err != nil {
		t.Fatalf("waiting for app %s: %s", name, err)
	}
	t.Cleanup(func() {
		ctx := context.Background()
		apps, err := client.ListApps(ctx, astra.AppFilter{Name: name})
		if err != nil {
			t.Logf("cleanup: listing apps named %s: %s", name, err)
			return
		}
		for _, a := range apps {
			if err := client.UnmanageApp(ctx, a.ID); err != nil && !apierr.IsNotFound(err) {
				t.Logf("cleanup: unmanaging app %s (%s): %s", a.ID, name, err)
			}
		}
	})
	return app
}
