package e2e

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	tfjson "github.com/hashicorp/terraform-json"
)

// asyncKinds are the sandbox kinds of the objects whose creation and
// deletion the interruption tests hold mid-way, by resource address.
var asyncKinds = map[string]string{
	"continuity_sdrs_protection_group.x":    "sdrs.protection_group",
	"continuity_manila_consistency_group.x": "manila.consistency_group",
	"continuity_astra_app_mirror.x":         "astra.app_mirror",
}

func interruptConfig(env map[string]string, timeouts string) string {
	return acctest.ProviderBlock(env) + fmt.Sprintf(`
resource "continuity_astra_hook_source" "x" {
  name    = "e2e-interrupt"
  content = "#!/bin/sh\necho e2e\n"
}

resource "continuity_astra_app_mirror" "x" {
  source_app_id          = %q
  destination_cluster_id = %q
  %s
}

resource "continuity_sdrs_protection_group" "x" {
  name                     = "e2e_interrupt"
  source_availability_zone = "cn-north-4a"
  target_availability_zone = "cn-north-4b"
  domain_id                = %q
  source_vpc_id            = %q
  %s
}

resource "continuity_manila_consistency_group" "x" {
  name        = "e2e-interrupt"
  share_types = [%q]
  %s
}
`, env["CONTINUITY_SANDBOX_ASTRA_APP_WORDPRESS_ID"], env["CONTINUITY_SANDBOX_ASTRA_CLUSTER_WEST_ID"], timeouts,
		env["CONTINUITY_SANDBOX_SDRS_DOMAIN_ID"], env["CONTINUITY_SANDBOX_SDRS_VPC_ID"], timeouts,
		env["CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_GOLD_ID"], timeouts)
}

// setFaults replaces the sandbox's faults ("" clears them).
func setFaults(t *testing.T, base, spec string) {
	t.Helper()
	res, err := http.Post(base+"/_sandbox/faults", "text/plain", strings.NewReader(spec))
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("POST /_sandbox/faults %q: HTTP %d", spec, res.StatusCode)
	}
}

// waitForObjects polls the sandbox until every kind holds one object whose
// status is in statuses (any status when statuses is empty).
func waitForObjects(t *testing.T, base string, p *Process, statuses ...string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		held := acctest.SandboxObjects(t, base)
		ready := true
		for _, kind := range asyncKinds {
			objs := held[kind]
			if len(objs) != 1 || (len(statuses) > 0 && !containsFold(statuses, objs[0].Status)) {
				ready = false
			}
		}
		if ready {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the sandbox did not reach %v: %v\nterraform so far:\n%s", statuses, held, p.Output())
		}
		time.Sleep(50 * time.Millisecond) // polling a condition, not timing
	}
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// checkOneEach checks the sandbox holds exactly one object of every kind.
func checkOneEach(t *testing.T, base string) {
	t.Helper()
	held := acctest.SandboxObjects(t, base)
	for addr, kind := range asyncKinds {
		if len(held[kind]) != 1 {
			t.Errorf("%s: the sandbox holds %d %s, want 1: %v", addr, len(held[kind]), kind, held[kind])
		}
	}
	if len(held["astra.hook_source"]) != 1 {
		t.Errorf("the sandbox holds %d hook sources, want 1", len(held["astra.hook_source"]))
	}
}

// interrupt sends SIGINT and waits for terraform to stop; it returns how
// long that took.
func interrupt(t *testing.T, p *Process) time.Duration {
	t.Helper()
	sent := time.Now()
	if err := p.Interrupt(); err != nil {
		t.Fatal(err)
	}
	_ = p.Wait(60 * time.Second) // an interrupted run exits non-zero
	if p.Exited.IsZero() {
		t.Fatalf("terraform did not stop after SIGINT:\n%s", p.Output())
	}
	return p.Exited.Sub(sent)
}

// TestInterruptedApplyAndDestroyResume interrupts an apply while three
// creations wait (held mid-way by the sandbox), checks that every object is
// in the state untainted and that the next plan updates them in place, then
// does the same to a destroy.
func TestInterruptedApplyAndDestroyResume(t *testing.T) {
	h := Build(t)
	env := acctest.StartSandbox(t, sandbox.Options{Transition: 200 * time.Millisecond})
	base := env["ASTRA_ENDPOINT"]
	w := h.NewWorkdir(t, Required+interruptConfig(env, ""), nil)
	w.Init()

	setFaults(t, base, "stall=sdrs.protection_group.create,stall=manila.consistency_group.create,stall=astra.app_mirror.establish")
	apply := w.Start("apply", "-auto-approve", "-input=false")
	waitForObjects(t, base, apply)
	took := interrupt(t, apply)
	t.Logf("apply stopped %s after SIGINT", took.Round(time.Millisecond))
	out := apply.Output()
	if !strings.Contains(out, "Interrupted") || strings.Contains(strings.ToLower(out), "timeout") {
		t.Errorf("the interrupted apply should say interrupted, not timeout:\n%s", out)
	}
	resources := w.Resources()
	for addr := range asyncKinds {
		r, ok := resources[addr]
		switch {
		case !ok:
			t.Errorf("%s is not in the state after the interruption", addr)
		case r.Tainted:
			t.Errorf("%s is tainted after an interruption", addr)
		}
	}
	checkOneEach(t, base)

	// Still held mid-way, the objects plan an in-place update that resumes
	// the wait; the apply of that plan, once the sandbox lets the
	// transitions end, converges without creating anything.
	plan := w.Plan()
	for addr := range asyncKinds {
		if c := plan[addr]; c == nil || !c.Change.Actions.Update() {
			var actions tfjson.Actions
			if c != nil {
				actions = c.Change.Actions
			}
			t.Errorf("%s: the plan after the interruption is %v, want an in-place update that resumes the wait", addr, actions)
		}
	}
	setFaults(t, base, "")
	w.MustRun("apply", "-auto-approve", "-input=false", "e2e.tfplan")
	checkOneEach(t, base)
	if plan := w.Plan(); len(changed(plan)) > 0 {
		t.Errorf("the plan after resuming is not empty: %v", changed(plan))
	}

	setFaults(t, base, "stall=sdrs.protection_group.delete,stall=manila.consistency_group.delete,stall=astra.app_mirror.delete")
	destroy := w.Start("destroy", "-auto-approve", "-input=false")
	waitForObjects(t, base, destroy, "deleting")
	took = interrupt(t, destroy)
	t.Logf("destroy stopped %s after SIGINT", took.Round(time.Millisecond))
	if out := destroy.Output(); !strings.Contains(out, "Interrupted") || strings.Contains(strings.ToLower(out), "timeout") {
		t.Errorf("the interrupted destroy should say interrupted, not timeout:\n%s", out)
	}
	resources = w.Resources()
	for addr := range asyncKinds {
		if _, ok := resources[addr]; !ok {
			t.Errorf("%s left the state although its deletion was interrupted", addr)
		}
	}
	setFaults(t, base, "")
	w.MustRun("destroy", "-auto-approve", "-input=false")
	held := acctest.SandboxObjects(t, base)
	for _, kind := range asyncKinds {
		if len(held[kind]) != 0 {
			t.Errorf("after destroy the sandbox holds %v", held[kind])
		}
	}
}

// TestTimedOutCreateUntaintedResumes lets creations time out (held by the
// sandbox), checks the error and the tainted state, untaints, and checks
// that the next apply resumes the wait in place instead of replacing.
func TestTimedOutCreateUntaintedResumes(t *testing.T) {
	h := Build(t)
	env := acctest.StartSandbox(t, sandbox.Options{Transition: 200 * time.Millisecond})
	base := env["ASTRA_ENDPOINT"]
	w := h.NewWorkdir(t, Required+interruptConfig(env, `timeouts = { create = "2s" }`), nil)
	w.Init()
	setFaults(t, base, "stall=sdrs.protection_group.create,stall=manila.consistency_group.create,stall=astra.app_mirror.establish")
	out, err := w.Run("apply", "-auto-approve", "-input=false")
	if err == nil {
		t.Fatalf("apply succeeded although every creation was held past its timeout:\n%s", out)
	}
	for _, want := range []string{"Timeout", "2s", "terraform untaint", "last state"} {
		if !strings.Contains(out, want) {
			t.Errorf("the timeout error lacks %q:\n%s", want, out)
		}
	}
	resources := w.Resources()
	for addr := range asyncKinds {
		if r, ok := resources[addr]; !ok || !r.Tainted {
			t.Errorf("%s: in state %v, tainted %v; want in the state as tainted", addr, ok, ok && r.Tainted)
		}
	}
	for addr := range asyncKinds {
		w.MustRun("untaint", addr)
	}
	plan := w.Plan()
	for addr := range asyncKinds {
		if c := plan[addr]; c == nil || !c.Change.Actions.Update() {
			t.Errorf("%s: after untaint the plan is %v, want an in-place update that resumes the wait", addr, actionsOf(c))
		}
	}
	setFaults(t, base, "")
	w.MustRun("apply", "-auto-approve", "-input=false", "e2e.tfplan")
	checkOneEach(t, base)
	w.MustRun("destroy", "-auto-approve", "-input=false")
}

func actionsOf(c *tfjson.ResourceChange) tfjson.Actions {
	if c == nil || c.Change == nil {
		return nil
	}
	return c.Change.Actions
}
