package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
)

// TestGuideDRPostureChecks runs the guide docs/guides/dr-posture-checks.md:
// the estates of the three DR guides are applied to one sandbox, then the
// posture checks (examples/guides/dr-posture-checks) watch them. On the
// healthy estates an apply and a plan report no warning. Replication is
// then broken through the APIs, as it breaks for real (the sandbox's break
// of an AppMirror's transfers and of an SDRS pair's link, Manila's own
// reset_replica_state by its admin): the plan warns, naming each failed
// check and saying why; the drill ended, the drill check warns too. Once
// replication is repaired (and a drill run again), the warnings are gone.
func TestGuideDRPostureChecks(t *testing.T) {
	h := Build(t)
	env := acctest.StartSandbox(t, sandbox.Options{Transition: 50 * time.Millisecond, ManilaModern: true})
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	guide := func(name string, vars map[string]string) *Workdir {
		t.Helper()
		w := h.NewWorkdir(t, "", env)
		copyDir(t, filepath.Join(root, "examples", "guides", name), w.Dir)
		// The Manila guide's later steps (a restore, a failback) are files of their own.
		for _, later := range []string{"restore.tf", "failback.tf"} {
			_ = os.Remove(filepath.Join(w.Dir, later))
		}
		w.Setenv(vars)
		w.Init()
		return w
	}
	apply := func(w *Workdir, vars ...string) map[string]string {
		t.Helper()
		w.MustRun(append([]string{"apply", "-auto-approve", "-input=false"}, varArgs(vars)...)...)
		ids := map[string]string{}
		for addr, r := range w.Resources() {
			ids[addr], _ = r.AttributeValues["id"].(string)
		}
		return ids
	}

	// The estates: the Astra app with its mirror and a backup; the SDRS
	// group, protected, with a drill; the Manila share with its replica.
	astra := apply(guide("astra-disaster-recovery", map[string]string{"TF_VAR_backup_access_key": "AKIAGUIDE",
		"TF_VAR_backup_secret_key": "guide-secret"}), "pre_change_backup=before-upgrade")
	servers, _ := json.Marshal(strings.Split(env["CONTINUITY_SANDBOX_SDRS_SERVER_IDS"], ",")[:2])
	sdrsGuide := guide("sdrs-disaster-recovery", map[string]string{
		"TF_VAR_vpc_id": env["CONTINUITY_SANDBOX_SDRS_VPC_ID"], "TF_VAR_server_ids": string(servers),
		"TF_VAR_log_volume_id": strings.Split(env["CONTINUITY_SANDBOX_SDRS_VOLUME_IDS"], ",")[0],
		"TF_VAR_drill_vpc_id":  env["CONTINUITY_SANDBOX_SDRS_DRILL_VPC_ID"],
	})
	apply(sdrsGuide)
	sdrs := apply(sdrsGuide, "protection_enabled=true", "drill=true")
	manila := apply(guide("manila-disaster-recovery", nil))

	w := h.NewWorkdir(t, "", env)
	copyDir(t, filepath.Join(root, "examples", "guides", "dr-posture-checks"), w.Dir)
	w.Setenv(map[string]string{
		"TF_VAR_astra_app_id":             astra["continuity_astra_app.primary"],
		"TF_VAR_astra_app_mirror_id":      astra["continuity_astra_app_mirror.dr"],
		"TF_VAR_sdrs_protection_group_id": sdrs["continuity_sdrs_protection_group.erp"],
		"TF_VAR_manila_share_id":          manila["continuity_manila_share.wal_archive"],
	})
	w.Init()
	failed := func(out string) []string {
		var names []string
		for _, m := range failedCheck.FindAllStringSubmatch(out, -1) {
			names = append(names, m[1])
		}
		return names
	}
	healthy := func(step, out string) {
		t.Helper()
		if names := failed(out); len(names) > 0 || strings.Count(out, "Warning:") > strings.Count(out, "Warning: Provider development overrides") {
			t.Fatalf("%s: warnings on a healthy estate (failed checks %v):\n%s", step, names, out)
		}
	}
	healthy("apply", w.MustRun("apply", "-auto-approve", "-input=false"))
	healthy("plan", w.MustRun("plan", "-input=false"))
	// The scoped data sources are planned as reads: -detailed-exitcode
	// answers 2 even with every check passing, as the guide says.
	if out, err := w.Run("plan", "-input=false", "-detailed-exitcode"); err == nil || !strings.Contains(err.Error(), "exit status 2") {
		t.Fatalf("plan -detailed-exitcode on a healthy estate: %v, want exit status 2\n%s", err, out)
	}

	// Replication breaks on all three; the drill ends.
	mirror, pair, replica := astra["continuity_astra_app_mirror.dr"], sdrs["continuity_sdrs_replication_pair.logs"], manila["continuity_manila_share_replica.wal_archive_dr"]
	acctest.SandboxPost(t, env["ASTRA_ENDPOINT"], "/_sandbox/astra/appMirrors/"+mirror+"/break")
	acctest.SandboxPost(t, env["HW_SDRS_ENDPOINT"], "/_sandbox/sdrs/replications/"+pair+"/break")
	admin := acctest.NewManilaClient(t, acctest.ManilaAdminSettingsFrom(env))
	acctest.ManilaReplicaAction(t, admin, replica, "out_of_sync", func(ctx context.Context) error { return admin.ResetReplicaState(ctx, replica, "out_of_sync") })
	apply(sdrsGuide, "protection_enabled=true", "drill=false")

	// A failed check is a warning: the plan succeeds.
	out := w.MustRun("plan", "-input=false", "-out=posture.tfplan")
	want := map[string]string{
		"astra_replication":  "AppMirror " + mirror + " does not protect its app: state established, health critical.",
		"sdrs_replication":   "pair erp-logs is fault (fault level 5)",
		"sdrs_drills":        "had no DR drill in the last 30 days.",
		"manila_replication": "in nova-dr is available, out_of_sync.",
	}
	flat := strings.Join(strings.Fields(out), " ")
	for check, message := range want {
		if !strings.Contains(out, `in check "`+check+`"`) || !strings.Contains(flat, message) {
			t.Errorf("the plan after the break does not warn %q with %q", check, message)
		}
	}
	if got := failed(out); len(got) != len(want) {
		t.Errorf("failed checks %v, want those of %v (the transfer lag and the backup's age hold)", got, want)
	}
	// The saved plan's JSON gives each check's status.
	var plan struct {
		Checks []struct {
			Address struct{ Kind, Name string } `json:"address"`
			Status  string                      `json:"status"`
		} `json:"checks"`
	}
	if err := json.Unmarshal([]byte(w.MustRun("show", "-json", "posture.tfplan")), &plan); err != nil {
		t.Fatal(err)
	}
	statuses := map[string]string{}
	for _, c := range plan.Checks {
		statuses[c.Address.Name] = c.Status
	}
	for _, check := range []string{"astra_replication", "sdrs_replication", "sdrs_drills", "manila_replication", "astra_backups"} {
		if _, broken := want[check]; broken != (statuses[check] == "fail") {
			t.Errorf("terraform show -json: check %s is %q", check, statuses[check])
		}
	}
	if t.Failed() {
		t.Fatalf("plan:\n%s", out)
	}

	// Repaired: no warning again.
	acctest.SandboxPost(t, env["ASTRA_ENDPOINT"], "/_sandbox/astra/appMirrors/"+mirror+"/repair")
	acctest.SandboxPost(t, env["HW_SDRS_ENDPOINT"], "/_sandbox/sdrs/replications/"+pair+"/repair")
	acctest.ManilaReplicaAction(t, admin, replica, "in_sync", func(ctx context.Context) error { return admin.ResyncReplica(ctx, replica) })
	apply(sdrsGuide, "protection_enabled=true", "drill=true")
	healthy("plan after the repair", w.MustRun("plan", "-input=false"))
}

// failedCheck finds the name of each failed check in terraform's output.
var failedCheck = regexp.MustCompile(`Warning: Check block assertion failed\s*\n(?:.*\n)*?.*in check "([a-z_]+)"`)
