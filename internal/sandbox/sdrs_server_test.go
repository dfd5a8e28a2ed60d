package sandbox

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// The composed sandbox serves SDRS at the root of HW_SDRS_ENDPOINT (the
// SDK drops any path) and exports its credentials and fixtures.
func TestStartServesSDRS(t *testing.T) {
	srv := startSandbox(t)
	env := envMap(t, srv)
	if env["HW_SDRS_ENDPOINT"] != srv.URL() {
		t.Fatalf("HW_SDRS_ENDPOINT = %q, want the base URL %q", env["HW_SDRS_ENDPOINT"], srv.URL())
	}
	for _, name := range []string{"HW_REGION_NAME", "HW_PROJECT_ID", "HW_ACCESS_KEY", "HW_SECRET_KEY",
		"CONTINUITY_SANDBOX_SDRS_VPC_ID", "CONTINUITY_SANDBOX_SDRS_DOMAIN_ID"} {
		if env[name] == "" {
			t.Errorf("%s is not exported", name)
		}
	}
	if vols := strings.Split(env["CONTINUITY_SANDBOX_SDRS_VOLUME_IDS"], ","); len(vols) < 3 {
		t.Errorf("CONTINUITY_SANDBOX_SDRS_VOLUME_IDS = %v, want at least 3", vols)
	}
	// An unsigned request reaches the SDRS backend, which refuses it in the
	// API gateway's format.
	res, err := http.Get(env["HW_SDRS_ENDPOINT"] + "/v1/" + env["HW_PROJECT_ID"] + "/active-domains")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusUnauthorized || body["error_code"] != "APIGW.0301" {
		t.Fatalf("HTTP %d %v", res.StatusCode, body)
	}
}
