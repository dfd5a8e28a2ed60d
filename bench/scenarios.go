package main

import (
	"fmt"
	"strings"
	"time"
)

const header = `terraform {
  required_providers {
    continuity = { source = "continuity-dr/continuity" }
    noop       = { source = "continuity-dr/noop" }
  }
}
`

// noopRevisions are n no-op hook sources whose content changes with the
// variable rev: the baseline of a step that updates n objects.
func noopRevisions(n int) string {
	return header + fmt.Sprintf(`
variable "rev" {
  type    = string
  default = "1"
}

resource "noop_hook_source" "h" {
  count   = %d
  name    = "bench-${count.index}"
  content = "#!/bin/sh\necho ${count.index} ${var.rev}\n"
}
`, n)
}

// hookSources is n hook sources of the given type (continuity's or the
// no-op baseline's), or terraform_data with the same inputs.
func hookSources(kind string, n int) string {
	switch kind {
	case "terraform_data":
		return header + fmt.Sprintf(`
resource "terraform_data" "h" {
  count = %d
  input = { name = "bench-${count.index}", content = "#!/bin/sh\necho ${count.index}\n" }
}
`, n)
	case "noop":
		return header + fmt.Sprintf(`
resource "noop_hook_source" "h" {
  count   = %d
  name    = "bench-${count.index}"
  content = "#!/bin/sh\necho ${count.index}\n"
}
`, n)
	}
	return header + fmt.Sprintf(`
resource "continuity_astra_hook_source" "h" {
  count   = %d
  name    = "bench-${count.index}"
  content = "#!/bin/sh\necho ${count.index}\n"
}
`, n)
}

// Plan is one row of results.json's plan table.
type Plan struct {
	Provider       string  `json:"provider"`
	N              int     `json:"n"`
	WallS          float64 `json:"wall_s"`
	CPUS           float64 `json:"cpu_s"`
	BaselineWallS  float64 `json:"baseline_wall_s"`
	BaselineCPUS   float64 `json:"baseline_cpu_s"`
	Ratio          float64 `json:"ratio"`
	CPURatio       float64 `json:"cpu_ratio"`
	ReadsPerObject float64 `json:"reads_per_object"`
	ProviderRSSMB  float64 `json:"provider_rss_mb"`
	BaselineRSSMB  float64 `json:"baseline_rss_mb"`
	TerraformDataS float64 `json:"terraform_data_wall_s"`
}

// Apply is one row of results.json's apply table.
type Apply struct {
	Kind        string  `json:"kind"`
	N           int     `json:"n"`
	Transition  float64 `json:"transition_s,omitempty"`
	WallS       float64 `json:"wall_s"`
	BaselineS   float64 `json:"baseline_s"`
	BoundS      float64 `json:"bound_s"`
	Ratio       float64 `json:"ratio"`
	CPUS        float64 `json:"cpu_s,omitempty"`
	BaselineCPU float64 `json:"baseline_cpu_s,omitempty"`
}

// planAndApply applies and plans n hook sources with continuity, the no-op
// baseline and terraform_data, one after the other (nothing else runs), and
// returns the figures of the plan and of the apply. Each figure is the
// best of runs, as machines differ from one run to the next.
func (r *runner) planAndApply(n, runs int) (Plan, Apply, error) {
	sb, err := r.startSandbox(time.Second)
	if err != nil {
		return Plan{}, Apply{}, err
	}
	defer sb.stop()
	best := func(a, b run) run {
		if a.Wall == 0 || b.Wall < a.Wall {
			a.Wall = b.Wall
		}
		if a.ProviderCPU == 0 || b.ProviderCPU < a.ProviderCPU {
			a.ProviderCPU = b.ProviderCPU
		}
		if a.ProviderRSSKB == 0 || b.ProviderRSSKB < a.ProviderRSSKB {
			a.ProviderRSSKB = b.ProviderRSSKB
		}
		return a
	}
	measure := func(kind string) (apply, plan run, reads int64, err error) {
		w, err := r.workdir("plan-"+kind, hookSources(kind, n), sb.env)
		if err != nil {
			return apply, plan, 0, err
		}
		a, err := w.terraform(nil, "apply", "-auto-approve")
		if err != nil {
			return apply, plan, 0, err
		}
		apply = a
		before, err := sb.metrics()
		if err != nil {
			return apply, plan, 0, err
		}
		for i := 0; i < runs; i++ {
			p, err := w.terraform(nil, "plan")
			if err != nil {
				return apply, plan, 0, err
			}
			plan = best(plan, p)
		}
		after, err := sb.metrics()
		if err != nil {
			return apply, plan, 0, err
		}
		if _, err := w.terraform(nil, "destroy", "-auto-approve"); err != nil {
			return apply, plan, 0, err
		}
		return apply, plan, (after.reads() - before.reads()) / int64(runs), nil
	}
	fmt.Fprintf(r.log, "bench: plan and apply of %d hook sources (continuity, no-op, terraform_data)\n", n)
	ourApply, ourPlan, reads, err := measure("continuity")
	if err != nil {
		return Plan{}, Apply{}, err
	}
	noopApply, noopPlan, _, err := measure("noop")
	if err != nil {
		return Plan{}, Apply{}, err
	}
	_, dataPlan, _, err := measure("terraform_data")
	if err != nil {
		return Plan{}, Apply{}, err
	}
	plan := Plan{
		Provider: "continuity", N: n,
		WallS: ourPlan.Wall.Seconds(), CPUS: ourPlan.ProviderCPU.Seconds(),
		BaselineWallS: noopPlan.Wall.Seconds(), BaselineCPUS: noopPlan.ProviderCPU.Seconds(),
		Ratio:          ourPlan.Wall.Seconds() / noopPlan.Wall.Seconds(),
		CPURatio:       ourPlan.ProviderCPU.Seconds() / noopPlan.ProviderCPU.Seconds(),
		ReadsPerObject: float64(reads) / float64(n),
		ProviderRSSMB:  float64(ourPlan.ProviderRSSKB) / 1024, BaselineRSSMB: float64(noopPlan.ProviderRSSKB) / 1024,
		TerraformDataS: dataPlan.Wall.Seconds(),
	}
	apply := Apply{Kind: "astra.hook_source", N: n, WallS: ourApply.Wall.Seconds(), BaselineS: noopApply.Wall.Seconds(),
		BoundS: noopApply.Wall.Seconds(), Ratio: ourApply.Wall.Seconds() / noopApply.Wall.Seconds(),
		CPUS: ourApply.ProviderCPU.Seconds(), BaselineCPU: noopApply.ProviderCPU.Seconds()}
	return plan, apply, nil
}

// asyncKind is one asynchronous operation the bench drives through
// terraform: the configuration that makes n objects wait for it, and the
// steps (terraform arguments) after which the wait is over.
type asyncKind struct {
	kind   string // the sandbox's operation name
	max    int    // how many the fixtures allow, 0 for no limit
	config func(env map[string]string, n int, vars string) string
	// steps are the terraform commands; the last one is measured.
	steps [][]string
	// polled are substrings of the sandbox's route keys whose GETs are the
	// reads of the wait (the object and its job).
	polled []string
}

var asyncKinds = []asyncKind{
	{kind: "astra.app_mirror.establish", max: benchFixtureCount, config: appMirrors, steps: [][]string{{"apply", "-auto-approve"}}, polled: mirrorRoutes},
	{kind: "astra.app_mirror.failover", max: benchFixtureCount, config: appMirrors, steps: [][]string{{"apply", "-auto-approve"}, {"apply", "-auto-approve", "-var", "state=failedOver"}}, polled: mirrorRoutes},
	{kind: "sdrs.protection_group.create", max: benchFixtureCount, config: func(env map[string]string, n int, _ string) string { return protectionGroupsOnly(env, n) },
		steps: [][]string{{"apply", "-auto-approve"}}, polled: groupRoutes},
	{kind: "sdrs.protection_group.start", max: benchFixtureCount, config: protectionGroups, steps: [][]string{{"apply", "-auto-approve"}, {"apply", "-auto-approve", "-var", "enabled=true"}}, polled: groupRoutes},
	{kind: "manila.consistency_group.create", config: consistencyGroups, steps: [][]string{{"apply", "-auto-approve"}}, polled: cgRoutes},
	{kind: "manila.consistency_group.delete", config: consistencyGroups, steps: [][]string{{"apply", "-auto-approve"}, {"destroy", "-auto-approve"}}, polled: cgRoutes},
}

var (
	mirrorRoutes = []string{"appMirrors/{"}
	groupRoutes  = []string{"/jobs/{", "/server-groups/{"}
	cgRoutes     = []string{"/consistency-groups/{"}
)

func appMirrors(env map[string]string, n int, _ string) string {
	return header + fmt.Sprintf(`
variable "state" {
  type    = string
  default = "established"
}

locals {
  apps = [%s]
}

resource "continuity_astra_app_mirror" "m" {
  count                  = %d
  source_app_id          = local.apps[count.index]
  destination_cluster_id = %q
  state_desired          = var.state
}
`, quoteAll(benchAppIDs(env)), n, env["CONTINUITY_SANDBOX_ASTRA_CLUSTER_WEST_ID"])
}

// protectionGroups are n groups, each with one replication pair, so that
// protection can be enabled.
func protectionGroups(env map[string]string, n int, _ string) string {
	volumes := strings.Split(env["CONTINUITY_SANDBOX_SDRS_VOLUME_IDS"], ",")
	return header + fmt.Sprintf(`
variable "enabled" {
  type    = bool
  default = false
}

locals {
  volumes = [%s]
}

resource "continuity_sdrs_protection_group" "g" {
  count                    = %d
  name                     = "bench-${count.index}"
  source_availability_zone = "cn-north-4a"
  target_availability_zone = "cn-north-4b"
  domain_id                = %q
  source_vpc_id            = %q
  enabled                  = var.enabled
}

# A group needs a pair before protection can be enabled: the first apply
# creates both with enabled = false, the second enables protection.
resource "continuity_sdrs_replication_pair" "p" {
  count     = %d
  name      = "bench-${count.index}"
  group_id  = continuity_sdrs_protection_group.g[count.index].id
  volume_id = local.volumes[count.index]
}
`, quoteAll(volumes), n, env["CONTINUITY_SANDBOX_SDRS_DOMAIN_ID"], env["CONTINUITY_SANDBOX_SDRS_VPC_ID"], n)
}

func consistencyGroups(env map[string]string, n int, _ string) string {
	return header + fmt.Sprintf(`
resource "continuity_manila_consistency_group" "c" {
  count       = %d
  name        = "bench-${count.index}"
  share_types = [%q]
}
`, n, env["CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_GOLD_ID"])
}

func quoteAll(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}
