package provider

import (
	"context"
	"github.com/continuity-dr/terraform-provider-continuity/internal/transport"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func clearAstraEnv(t *testing.T) {
	for _, name := range []string{"ASTRA_ENDPOINT", "ASTRA_ACCOUNT_ID", "ASTRA_API_TOKEN", "ASTRA_INSECURE", "ASTRA_CA_FILE"} {
		t.Setenv(name, "")
	}
}

func TestAstraSettingsFallBackToEnvironment(t *testing.T) {
	clearAstraEnv(t)
	t.Setenv("ASTRA_ENDPOINT", "https://astra.example.com")
	t.Setenv("ASTRA_ACCOUNT_ID", "0b1b7c6e-6d3f-4a2b-9a55-1c0e8f3f4d21")
	t.Setenv("ASTRA_API_TOKEN", "from-env")
	c, err := newAstraClient(nil, "test", transport.Options{})
	if err != nil || c == nil {
		t.Fatalf("client from environment: %v", err)
	}
	// A configured value wins over the environment.
	_, err = newAstraClient(&astraModel{Endpoint: types.StringValue("not a url")}, "test", transport.Options{})
	if err == nil || !strings.Contains(err.Error(), "not a URL") {
		t.Fatalf("configured endpoint ignored: %v", err)
	}
}

func TestAstraMissingSettingsNameAttributeAndVariable(t *testing.T) {
	clearAstraEnv(t)
	t.Setenv("ASTRA_ENDPOINT", "https://astra.example.com")
	_, err := newAstraClient(&astraModel{APIToken: types.StringValue("")}, "test", transport.Options{})
	if err == nil {
		t.Fatal("no error for missing settings")
	}
	for _, want := range []string{`"account_id" (astra.account_id or the ASTRA_ACCOUNT_ID environment variable)`, `"api_token" (astra.api_token or the ASTRA_API_TOKEN environment variable)`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
	if strings.Contains(err.Error(), `"endpoint"`) {
		t.Errorf("endpoint reported missing although ASTRA_ENDPOINT is set: %v", err)
	}
}

func TestAstraBadBooleanInEnvironment(t *testing.T) {
	clearAstraEnv(t)
	t.Setenv("ASTRA_INSECURE", "yes please")
	_, err := newAstraClient(nil, "test", transport.Options{})
	if err == nil || !strings.Contains(err.Error(), "ASTRA_INSECURE") {
		t.Fatalf("err = %v", err)
	}
}

func TestUnknownSettingIsExplained(t *testing.T) {
	clearAstraEnv(t)
	_, err := newAstraClient(&astraModel{Endpoint: types.StringUnknown()}, "test", transport.Options{})
	if err == nil || !strings.Contains(err.Error(), "astra.endpoint depends on a value that is not known until apply") {
		t.Fatalf("err = %v", err)
	}
}

func TestManilaAndSDRSFallbacks(t *testing.T) {
	t.Setenv("OS_PROJECT_NAME", "")
	t.Setenv("OS_TENANT_NAME", "legacy-tenant")
	t.Setenv("OS_INSECURE", "true")
	t.Setenv("HW_REGION_NAME", "cn-north-4")
	m, err := resolveManila(nil)
	if err != nil || m.ProjectName != "legacy-tenant" || !m.Insecure || !m.InsecureSet {
		t.Fatalf("manila = %+v, %v", m, err)
	}
	s, err := resolveSDRS(&sdrsModel{ProjectID: types.StringValue("p1")})
	if err != nil || s.Region != "cn-north-4" || s.ProjectID != "p1" {
		t.Fatalf("sdrs = %+v, %v", s, err)
	}
}

func TestSchemaMarksSecretsSensitive(t *testing.T) {
	var resp provider.SchemaResponse
	New("test")().Schema(context.Background(), provider.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	if diags := resp.Schema.ValidateImplementation(context.Background()); diags.HasError() {
		t.Fatal(diags)
	}
	secrets := map[string][]string{"astra": {"api_token"}, "sdrs": {"secret_key"}, "manila": {"password", "application_credential_secret"}}
	for block, attrs := range secrets {
		b := resp.Schema.Blocks[block].GetNestedObject().GetAttributes()
		for _, a := range attrs {
			if !b[a].IsSensitive() {
				t.Errorf("%s.%s is not sensitive", block, a)
			}
		}
	}
}
