package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
)

// TestGuideAstraDisasterRecovery runs the guide docs/guides/astra-disaster-
// recovery.md against the sandbox, step by step, with the guide's own
// configuration (examples/guides/astra-disaster-recovery) and the commands
// it gives: manage the app with its hooks, bucket, schedules and mirror;
// take a backup before a change; restore it as a drill and remove the
// drill; roll the app back in place; fail over; fail back (reverse,
// fail over to the app, reverse back); destroy. After each step the
// outputs say what the guide says they say, and a second plan is empty.
func TestGuideAstraDisasterRecovery(t *testing.T) {
	h := Build(t)
	env := acctest.StartSandbox(t, sandbox.Options{Transition: 50 * time.Millisecond})
	w := h.NewWorkdir(t, "", env)
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	copyDir(t, filepath.Join(root, "examples", "guides", "astra-disaster-recovery"), w.Dir)
	w.Setenv(map[string]string{"TF_VAR_backup_access_key": "AKIAGUIDE", "TF_VAR_backup_secret_key": "guide-secret"})
	w.Init()

	type runbook struct {
		AppState        string  `json:"app_state"`
		Bucket          string  `json:"bucket"`
		Backup          *string `json:"backup"`
		BackupHooks     *string `json:"backup_hooks"`
		DrillState      *string `json:"drill_state"`
		Replication     string  `json:"replication"`
		Health          string  `json:"health"`
		RunsFrom        string  `json:"runs_from"`
		RestoredInPlace bool    `json:"restored_in_place"`
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	step := func(name string, want runbook, vars ...string) {
		t.Helper()
		args := []string{"apply", "-auto-approve", "-input=false"}
		for _, v := range vars {
			args = append(args, "-var", v)
		}
		out := w.MustRun(args...)
		var got runbook
		raw := w.MustRun("output", "-json", "runbook")
		if err := json.Unmarshal([]byte(raw), &got); err != nil {
			t.Fatalf("%s: output: %v\n%s", name, err, raw)
		}
		if got.AppState != "ready" || got.Bucket != "available" || str(got.Backup) != str(want.Backup) || str(got.DrillState) != str(want.DrillState) ||
			got.Replication != want.Replication || got.RunsFrom != want.RunsFrom || got.RestoredInPlace != want.RestoredInPlace ||
			(want.BackupHooks != nil && str(got.BackupHooks) != *want.BackupHooks) {
			t.Fatalf("%s: the runbook says %+v, want %+v\n%s", name, got, want, out)
		}
		// The plan that follows is empty: the step is done.
		if plan := w.Plan(varArgs(vars)...); len(changed(plan)) > 0 {
			t.Fatalf("%s: the next plan changes %v", name, changed(plan))
		}
	}
	completed, ready, success := "completed", "ready", "success"
	backup := "pre_change_backup=before-upgrade"

	// 1–5. Manage the app, its hooks, the bucket, the schedules, the mirror.
	step("establish", runbook{Replication: "established", RunsFrom: "primary"})
	// 6. A backup before a change (its snapshot hooks ran: they match the app's postgres container).
	step("backup before a change", runbook{Backup: &completed, BackupHooks: &success, Replication: "established", RunsFrom: "primary"}, backup)
	// 7. A drill: restore the backup into a new namespace, then remove it.
	step("drill", runbook{Backup: &completed, DrillState: &ready, Replication: "established", RunsFrom: "primary"}, backup, "drill=true")
	step("drill removed", runbook{Backup: &completed, Replication: "established", RunsFrom: "primary"}, backup)
	// 7. Roll the app back in place from the backup; applying again restores nothing again.
	rollback := "restore_in_place=before-upgrade"
	step("roll back", runbook{Backup: &completed, Replication: "established", RunsFrom: "primary", RestoredInPlace: true}, backup, rollback)
	// 8. Fail over to the DR cluster, and back keeping the copy's data.
	step("fail over", runbook{Backup: &completed, Replication: "failedOver", RunsFrom: "primary", RestoredInPlace: true}, backup, rollback, "state_desired=failedOver")
	step("reverse", runbook{Backup: &completed, Replication: "established", RunsFrom: "copy", RestoredInPlace: true}, backup, rollback, "reversed=true")
	step("fail over to the app", runbook{Backup: &completed, Replication: "failedOver", RunsFrom: "copy", RestoredInPlace: true}, backup, rollback,
		"reversed=true", "state_desired=failedOver")
	step("reverse back", runbook{Backup: &completed, Replication: "established", RunsFrom: "primary", RestoredInPlace: true}, backup, rollback)

	// The hooks ran at their stages: snapshot hooks for the backup, the
	// post-restore hook for the drill and the rollback, the post-failover
	// hook on the copy.
	var runs struct {
		HookRuns []struct{ HookName, Stage, Action string } `json:"hookRuns"`
	}
	if err := getJSONFrom(env["ASTRA_ENDPOINT"]+"/_sandbox/astra/hookRuns", &runs); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, r := range runs.HookRuns {
		seen[r.HookName]++
	}
	for _, hook := range []string{"payments-pre-snapshot", "payments-post-snapshot", "payments-post-restore", "payments-post-failover"} {
		if seen[hook] == 0 {
			t.Errorf("hook %s never ran: %v", hook, seen)
		}
	}
	if seen["payments-post-restore"] != 2 {
		t.Errorf("the post-restore hook ran %d times, want 2 (the drill and the rollback)", seen["payments-post-restore"])
	}

	// Destroy: nothing of the guide stays but the copy the mirror made.
	w.MustRun("destroy", "-auto-approve", "-input=false", "-var", backup, "-var", rollback)
	for kind, objs := range acctest.SandboxObjects(t, env["ASTRA_ENDPOINT"]) {
		if kind == "astra.app" && len(objs) == 1 && strings.HasSuffix(objs[0].Name, "payments") {
			continue // the copy stays after the relationship, as the guide says
		}
		if strings.HasPrefix(kind, "astra.") && len(objs) > 0 {
			t.Errorf("after destroy the sandbox holds %d %s: %v", len(objs), kind, objs)
		}
	}
}

// varArgs turns name=value pairs into -var arguments.
func varArgs(vars []string) []string {
	var out []string
	for _, v := range vars {
		out = append(out, "-var", v)
	}
	return out
}

// getJSONFrom decodes the JSON answer of a GET of url into out.
func getJSONFrom(url string, out any) error {
	res, err := http.Get(url)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: HTTP %d", url, res.StatusCode)
	}
	return json.NewDecoder(res.Body).Decode(out)
}
