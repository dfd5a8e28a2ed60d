package provider

import (
	"github.com/continuity-dr/terraform-provider-continuity/internal/transport"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func clearSDRSEnv(t *testing.T) {
	for _, name := range []string{"HW_REGION_NAME", "HW_PROJECT_ID", "HW_ACCESS_KEY", "HW_SECRET_KEY", "HW_SDRS_ENDPOINT"} {
		t.Setenv(name, "")
	}
}

func TestSDRSClientFromEnvironment(t *testing.T) {
	clearSDRSEnv(t)
	t.Setenv("HW_REGION_NAME", "cn-north-4")
	t.Setenv("HW_PROJECT_ID", "0123456789abcdef0123456789abcdef")
	t.Setenv("HW_ACCESS_KEY", "AK")
	t.Setenv("HW_SECRET_KEY", "SK")
	c, err := newSDRSClient(nil, "test", transport.Options{})
	if err != nil || c == nil || c.ProjectID() != "0123456789abcdef0123456789abcdef" {
		t.Fatalf("client from environment: %v", err)
	}
	// A configured value wins over the environment.
	if _, err := newSDRSClient(&sdrsModel{Endpoint: types.StringValue("ftp://x")}, "test", transport.Options{}); err == nil || !strings.Contains(err.Error(), "not a URL") {
		t.Fatalf("configured endpoint ignored: %v", err)
	}
}

func TestSDRSMissingSettingsNameAttributeAndVariable(t *testing.T) {
	clearSDRSEnv(t)
	t.Setenv("HW_ACCESS_KEY", "AK")
	_, err := newSDRSClient(&sdrsModel{SecretKey: types.StringValue("")}, "test", transport.Options{})
	if err == nil {
		t.Fatal("no error for missing settings")
	}
	for _, want := range []string{`"project_id" (sdrs.project_id or the HW_PROJECT_ID environment variable)`,
		`"secret_key" (sdrs.secret_key or the HW_SECRET_KEY environment variable)`, "HW_REGION_NAME", "HW_SDRS_ENDPOINT"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
	if strings.Contains(err.Error(), `"access_key"`) {
		t.Errorf("access_key reported missing although HW_ACCESS_KEY is set: %v", err)
	}
	if _, err := newSDRSClient(&sdrsModel{Region: types.StringUnknown()}, "test", transport.Options{}); err == nil ||
		!strings.Contains(err.Error(), "sdrs.region depends on a value that is not known until apply") {
		t.Fatalf("unknown region: %v", err)
	}
}
