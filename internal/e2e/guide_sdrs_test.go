package e2e

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
)

// sdrsGuideOutput is the guide configuration's output "dr".
type sdrsGuideOutput struct {
	Status         string `json:"status"`
	ProductionSite string `json:"production_site"`
	FailedOver     bool   `json:"failed_over"`
	Servers        map[string]struct {
		Production string `json:"production"`
		DR         string `json:"dr"`
	} `json:"servers"`
	DrillServers [][]string `json:"drill_servers"`
	FailedJobs   int        `json:"failed_jobs"`
}

// TestGuideSDRSDisasterRecovery walks the runbook of
// docs/guides/sdrs-disaster-recovery.md with its configuration
// (examples/guides/sdrs-disaster-recovery), as a user runs it against the
// sandbox: the terraform CLI, the variables the guide gives, and the ECS
// steps it asks for between applies (stopping and starting servers). After
// each apply the output and the API say what the guide says, and a plan
// is empty; what the guide says is refused is refused at plan time.
func TestGuideSDRSDisasterRecovery(t *testing.T) {
	h := Build(t)
	env := acctest.StartSandbox(t, sandbox.Options{})
	client := acctest.SDRSClientFor(t, env)
	w := h.NewWorkdir(t, "", env)
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	copyDir(t, filepath.Join(root, "examples", "guides", "sdrs-disaster-recovery"), w.Dir)
	servers := strings.Split(env["CONTINUITY_SANDBOX_SDRS_SERVER_IDS"], ",")[:2]
	serverList, _ := json.Marshal(servers)
	w.Setenv(map[string]string{
		"TF_VAR_vpc_id":        env["CONTINUITY_SANDBOX_SDRS_VPC_ID"],
		"TF_VAR_server_ids":    string(serverList),
		"TF_VAR_log_volume_id": strings.Split(env["CONTINUITY_SANDBOX_SDRS_VOLUME_IDS"], ",")[0],
		"TF_VAR_drill_vpc_id":  env["CONTINUITY_SANDBOX_SDRS_DRILL_VPC_ID"],
	})
	w.Init()

	args := func(vars ...string) []string {
		var out []string
		for _, v := range vars {
			out = append(out, "-var", v)
		}
		return out
	}
	apply := func(vars ...string) sdrsGuideOutput {
		t.Helper()
		w.MustRun(append([]string{"apply", "-auto-approve", "-input=false"}, args(vars...)...)...)
		if out, err := w.Run(append([]string{"plan", "-input=false", "-detailed-exitcode"}, args(vars...)...)...); err != nil {
			t.Fatalf("the plan after the apply with %v is not empty: %v\n%s", vars, err, out)
		}
		var o sdrsGuideOutput
		if err := json.Unmarshal([]byte(w.MustRun("output", "-json", "dr")), &o); err != nil {
			t.Fatal(err)
		}
		return o
	}
	expect := func(o sdrsGuideOutput, status, site string, failedOver bool) {
		t.Helper()
		if o.Status != status || o.ProductionSite != site || o.FailedOver != failedOver {
			t.Fatalf("dr = %+v, want %s at %s, failed_over %t", o, status, site, failedOver)
		}
	}
	refused := func(want string, vars ...string) {
		t.Helper()
		out, err := w.Run(append([]string{"plan", "-input=false"}, args(vars...)...)...)
		if err == nil || !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Fatalf("plan with %v: %v, want the error %q\n%s", vars, err, want, out)
		}
	}
	ids := func(o sdrsGuideOutput, production bool) []string {
		var out []string
		for _, s := range o.Servers {
			if production {
				out = append(out, s.Production)
			} else {
				out = append(out, s.DR)
			}
		}
		return out
	}
	stop := func(ids []string) { acctest.SDRSSetServers(t, env, false, ids...) }
	start := func(ids []string) { acctest.SDRSSetServers(t, env, true, ids...) }
	const on = "protection_enabled=true"

	// 1. Protect the servers, then enable protection.
	o := apply()
	expect(o, "available", "source", false)
	if len(o.Servers) != 2 || o.Servers["erp-0"].Production != servers[0] || o.Servers["erp-0"].DR == "" {
		t.Fatalf("servers = %+v", o.Servers)
	}
	o = apply(on)
	expect(o, "protected", "source", false)

	// 2. A DR drill, and its end.
	o = apply(on, "drill=true")
	if len(o.DrillServers) != 1 || len(o.DrillServers[0]) != 2 {
		t.Fatalf("drill servers = %v", o.DrillServers)
	}
	o = apply(on)
	if drills, _, err := client.AllDrills(context.Background(), sdrs.DrillFilter{}); err != nil || len(drills) != 0 {
		t.Fatalf("drills after the drill ended: %v %v", drills, err)
	}

	// 3. A planned failover: refused while production runs; once its
	// servers are stopped, the DR site runs; and back.
	refused("Cannot perform a planned failover", on, "production_site=target")
	stop(ids(o, true))
	o = apply(on, "production_site=target")
	expect(o, "protected", "target", false)
	start(ids(o, true))
	stop(ids(o, true))
	o = apply(on)
	expect(o, "protected", "source", false)
	start(ids(o, true))

	// 4. Disaster: fail over, the production site running or not.
	refused("A failover moves production to the other site", on, "failed_over=true")
	o = apply(on, "failed_over=true", "production_site=target")
	expect(o, "failed-over", "target", true)
	for _, id := range ids(o, false) { // the former production servers
		if s, err := client.GetServer(context.Background(), id); err != nil || s.Status != "SHUTOFF" {
			t.Fatalf("server %s after the failover: %+v %v", id, s, err)
		}
	}
	start(ids(o, true))

	// 5. Re-protect, once the old site is back with its servers stopped.
	start(ids(o, false))
	refused("Cannot re-protect", on, "production_site=target")
	stop(ids(o, false))
	o = apply(on, "production_site=target")
	expect(o, "protected", "target", false)

	// 6. Fail back: a planned failover to the source site.
	stop(ids(o, true))
	o = apply(on)
	expect(o, "protected", "source", false)
	start(ids(o, true))
	if o.FailedJobs != 0 {
		t.Errorf("failed jobs = %d", o.FailedJobs)
	}

	w.MustRun("destroy", "-auto-approve", "-input=false")
	held := acctest.SandboxObjects(t, env["HW_SDRS_ENDPOINT"])
	for _, kind := range []string{"sdrs.protection_group", "sdrs.protected_instance", "sdrs.replication_pair", "sdrs.drill", "sdrs.failed_job"} {
		if len(held[kind]) > 0 {
			t.Errorf("after destroy the sandbox holds %s: %v", kind, held[kind])
		}
	}
}
