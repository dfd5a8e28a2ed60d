package astra

import "testing"

func TestEnv(t *testing.T) {
	env := New(Options{}).Env("http://127.0.0.1:1")
	want := []string{EnvEndpoint, EnvAccountID, EnvAPIToken, EnvPreloadedHookSourceID,
		EnvClusterEastID, EnvClusterWestID, EnvWordpressAppID, EnvPostgresAppID, EnvMySQLAppID, EnvUnmanagedNamespaces}
	if len(env) != len(want) {
		t.Fatalf("Env = %v", env)
	}
	for i, v := range env {
		if v.Name != want[i] || v.Value == "" {
			t.Errorf("Env[%d] = %+v, want name %s", i, v, want[i])
		}
	}
	if env[0].Value != "http://127.0.0.1:1" || env[2].Value != Token || env[1].Value != AccountID {
		t.Errorf("Env values = %v", env)
	}
}
