package e2e

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
)

// copyDir copies the files of src (one level of directories) into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDemoTraceLeaksNoSecret applies, changes and destroys the demo (as
// make demo does) with TF_LOG=trace, and looks for every credential in the
// log, the plan output and the state: the API token, the SDRS secret key
// and request signatures, the Keystone password and tokens, and the
// secret of the Astra bucket's cloud credential (write-only), as given and
// as the base64 the API takes.
func TestDemoTraceLeaksNoSecret(t *testing.T) {
	h := Build(t)
	env := acctest.StartSandbox(t, sandbox.Options{})
	// The demo's share group lives on a second sandbox, a Manila of Ocata
	// or later (scripts/demo.sh starts it the same way).
	modern := acctest.StartSandbox(t, sandbox.Options{ManilaModern: true})
	w := h.NewWorkdir(t, "", env)
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	copyDir(t, filepath.Join(root, "examples", "demo"), w.Dir)
	logPath := filepath.Join(t.TempDir(), "trace.log")
	const backupSecret = "e2e-bucket-secret-7f3a9c"
	w.Setenv(map[string]string{
		"TF_LOG": "trace", "TF_LOG_PATH": logPath,
		"TF_VAR_sdrs_vpc_id": env["CONTINUITY_SANDBOX_SDRS_VPC_ID"], "TF_VAR_sdrs_volume_ids": env["CONTINUITY_SANDBOX_SDRS_VOLUME_IDS"],
		"TF_VAR_astra_backup_secret":    backupSecret,
		"TF_VAR_manila_modern_auth_url": modern["OS_AUTH_URL"], "TF_VAR_manila_modern_user_name": modern["OS_USERNAME"],
		"TF_VAR_manila_modern_password": modern["OS_PASSWORD"], "TF_VAR_manila_modern_project_name": modern["OS_PROJECT_NAME"],
		"TF_VAR_sdrs_server_ids": env["CONTINUITY_SANDBOX_SDRS_SERVER_IDS"],
	})
	w.Init()
	outputs := w.MustRun("apply", "-auto-approve", "-input=false")
	outputs += w.MustRun("apply", "-auto-approve", "-input=false", "-var", "sdrs_protection_enabled=true")
	outputs += w.MustRun("plan", "-input=false", "-var", "sdrs_protection_enabled=true", "-var", "mirror_state=failedOver")
	state, err := os.ReadFile(filepath.Join(w.Dir, "terraform.tfstate"))
	if err != nil {
		t.Fatal(err)
	}
	outputs += w.MustRun("destroy", "-auto-approve", "-input=false")
	trace, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(string(trace), "\n"); lines < 1000 || !strings.Contains(string(trace), "X-Subject-Token") {
		t.Fatalf("the trace log has %d lines and no Keystone answer: it does not show the provider's HTTP traffic", lines)
	}

	secrets := map[string]string{
		"ASTRA_API_TOKEN":                 env["ASTRA_API_TOKEN"],
		"HW_SECRET_KEY":                   env["HW_SECRET_KEY"],
		"OS_PASSWORD":                     env["OS_PASSWORD"],
		"the modern Manila's OS_PASSWORD": modern["OS_PASSWORD"],
		"the bucket credential's secret":  backupSecret,
		"the bucket secret in base64":     base64.StdEncoding.EncodeToString([]byte(backupSecret)),
	}
	// The credential's key store was sent (its base64 reached the
	// sandbox): the log's silence about it is the masking's doing.
	if !strings.Contains(string(trace), "key_store_wo") {
		t.Fatal("the trace log never mentions the credential's key_store_wo: the demo does not make it")
	}
	for where, text := range map[string]string{"the trace log": string(trace), "the plan and apply output": outputs, "the state": string(state)} {
		for name, value := range secrets {
			if value == "" {
				t.Fatalf("the sandbox exports no %s", name)
			}
			if n := strings.Count(text, value); n > 0 {
				t.Errorf("%s holds %s %d times", where, name, n)
			}
		}
		// An AK/SK signature would let anyone replay the request.
		if m := regexp.MustCompile(`Signature=[0-9a-f]{64}`).FindString(text); m != "" {
			t.Errorf("%s holds an SDRS request signature: %s", where, m)
		}
		// Keystone tokens travel in X-Auth-Token (requests) and
		// X-Subject-Token (answers); every occurrence must be masked.
		for _, m := range regexp.MustCompile(`(?i)"?x-(auth|subject)-token"?\s*[:=]\s*"?([^"\s,}\]]+)`).FindAllStringSubmatch(text, -1) {
			if m[2] != "***" {
				t.Errorf("%s holds a Keystone token: %s", where, m[0])
			}
		}
	}
}
