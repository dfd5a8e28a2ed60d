package acctest

import (
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/astra"
	"github.com/continuity-dr/terraform-provider-continuity/internal/transport"
)

// AstraClient returns an Astra Control client configured from the
// environment, for tests that check or change objects behind Terraform's back.
func AstraClient(t testing.TB) *astra.Client {
	t.Helper()
	PreCheckAstra(t)
	return newAstraClient(t, astra.SettingsFromEnv())
}

// AstraClientFrom returns an Astra Control client for the sandbox whose
// variables env holds (from StartSandbox).
func AstraClientFrom(t testing.TB, env map[string]string) *astra.Client {
	t.Helper()
	return newAstraClient(t, astra.Settings{Endpoint: env["ASTRA_ENDPOINT"], AccountID: env["ASTRA_ACCOUNT_ID"], APIToken: env["ASTRA_API_TOKEN"]})
}

func newAstraClient(t testing.TB, s astra.Settings) *astra.Client {
	t.Helper()
	hc, err := transport.New(transport.Options{UserAgent: transport.UserAgent("acctest"), Insecure: s.Insecure, CAFile: s.CAFile, SecretValues: []string{s.APIToken}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := astra.NewClient(s, hc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
