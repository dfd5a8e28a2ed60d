package e2e

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
)

// TestModules runs `terraform test` in every module of examples/modules
// against a sandbox, as a user tests a module of their own (the guide
// testing-modules says how). Each module's tests/*.tftest.hcl apply real
// objects in the sandbox and destroy them.
func TestModules(t *testing.T) {
	h := Build(t)
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	modules, err := filepath.Glob(filepath.Join(root, "examples", "modules", "*"))
	if err != nil || len(modules) == 0 {
		t.Fatalf("no module under examples/modules (%v)", err)
	}
	for _, dir := range modules {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			env := acctest.StartSandbox(t, sandbox.Options{Transition: 100 * time.Millisecond})
			volumes := strings.Split(env["CONTINUITY_SANDBOX_SDRS_VOLUME_IDS"], ",")
			env["TF_VAR_vpc_id"] = env["CONTINUITY_SANDBOX_SDRS_VPC_ID"]
			env["TF_VAR_volume_ids"] = `["` + volumes[0] + `","` + volumes[1] + `"]`
			w := h.NewWorkdir(t, "", env)
			copyDir(t, dir, w.Dir) // the module's main.tf replaces the empty one
			w.Init()
			out, err := w.Run("test")
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(out), "\n")
			t.Log(lines[len(lines)-1])
			if !strings.Contains(out, "Success!") || strings.Contains(out, "0 passed") {
				t.Fatalf("terraform test ran nothing:\n%s", out)
			}
			// Everything the tests made is destroyed; the DR copy of a
			// replicated app stays, as in Astra Control.
			for kind, objs := range acctest.SandboxObjects(t, env["ASTRA_ENDPOINT"]) {
				if kind != "astra.app" && len(objs) > 0 {
					t.Errorf("terraform test left %d %s in the sandbox", len(objs), kind)
				}
			}
		})
	}
}
