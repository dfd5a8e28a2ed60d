package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
)

// pollers are the schedules the bench compares: the provider's and the
// peers' (selected in the provider with CONTINUITY_POLL_SCHEDULE).
var pollers = []struct {
	name     string
	env      string
	schedule wait.Schedule
}{
	{"continuity", "default", wait.Default},
	{"huawei", "huawei", wait.HuaweiPeer{}},
	{"sdkv2", "sdkv2", wait.SDKv2Peer},
}

// Notice is one row of results.json's notice table: how late a poller
// noticed the end of a transition, as the sandbox measured it (from the end
// of the transition to the first read that saw it).
type Notice struct {
	Kind          string  `json:"kind"`
	Poller        string  `json:"poller"`
	TransitionS   float64 `json:"transition_s"`
	N             int     `json:"n"`
	P50S          float64 `json:"p50_s"`
	P95S          float64 `json:"p95_s"`
	ReadsPerWaitS float64 `json:"reads_per_wait_s"`
	ReadsPerWait  float64 `json:"reads_per_wait"`
	WallS         float64 `json:"wall_s"`
}

// notice drives n objects of kind through their transition with a poller.
func (r *runner) notice(k asyncKind, poller string, transition time.Duration, n int) (Notice, error) {
	if k.max > 0 {
		n = min(n, k.max)
	}
	sb, err := r.startSandbox(transition)
	if err != nil {
		return Notice{}, err
	}
	defer sb.stop()
	w, err := r.workdir(fmt.Sprintf("notice-%s-%s-%s", k.kind, poller, transition), k.config(sb.env, n, ""), sb.env)
	if err != nil {
		return Notice{}, err
	}
	env := []string{wait.EnvSchedule + "=" + poller}
	var before metrics
	var last run
	for i, step := range k.steps {
		if i == len(k.steps)-1 {
			if before, err = sb.metrics(); err != nil {
				return Notice{}, err
			}
		}
		if last, err = w.terraform(env, step...); err != nil {
			return Notice{}, err
		}
	}
	after, err := sb.metrics()
	if err != nil {
		return Notice{}, err
	}
	reads := float64(after.reads(k.polled...) - before.reads(k.polled...))
	if len(k.steps) > 1 {
		reads -= float64(n) // the refresh before the change reads each object once
	}
	st := after.Notice[k.kind]
	perWait := reads / float64(n)
	return Notice{Kind: k.kind, Poller: pollerName(poller), TransitionS: transition.Seconds(), N: st.Count, P50S: st.P50, P95S: st.P95,
		ReadsPerWait: perWait, ReadsPerWaitS: perWait / max(transition.Seconds(), 0.001), WallS: last.Wall.Seconds()}, nil
}

func pollerName(env string) string {
	for _, p := range pollers {
		if p.env == env {
			return p.name
		}
	}
	return env
}

// asyncApply applies n objects of a create kind at -parallelism=10 and
// compares with the bound: the no-op baseline's apply of n objects plus
// n/10 transitions, the time the waits take at best.
func (r *runner) asyncApply(k asyncKind, n int, transition time.Duration) (Apply, error) {
	// Groups without pairs need no disk: only the AppMirrors are limited
	// (each app is in one relationship at most).
	if k.max > 0 && k.kind != "sdrs.protection_group.create" {
		n = min(n, k.max)
	}
	sb, err := r.startSandbox(transition)
	if err != nil {
		return Apply{}, err
	}
	defer sb.stop()
	config := k.config(sb.env, n, "")
	if k.kind == "sdrs.protection_group.create" {
		config = protectionGroupsOnly(sb.env, n)
	}
	w, err := r.workdir(fmt.Sprintf("async-%s", k.kind), config, sb.env)
	if err != nil {
		return Apply{}, err
	}
	ours, err := w.terraform(nil, "apply", "-auto-approve", "-parallelism=10")
	if err != nil {
		return Apply{}, err
	}
	base, err := r.workdir(fmt.Sprintf("async-noop-%s", k.kind), hookSources("noop", n), nil)
	if err != nil {
		return Apply{}, err
	}
	noop, err := base.terraform(nil, "apply", "-auto-approve", "-parallelism=10")
	if err != nil {
		return Apply{}, err
	}
	waves := math.Ceil(float64(n) / 10)
	bound := noop.Wall.Seconds() + waves*transition.Seconds()
	return Apply{Kind: k.kind, N: n, Transition: transition.Seconds(), WallS: ours.Wall.Seconds(), BaselineS: noop.Wall.Seconds(),
		BoundS: bound, Ratio: ours.Wall.Seconds() / bound}, nil
}

func protectionGroupsOnly(env map[string]string, n int) string {
	return header + fmt.Sprintf(`
resource "continuity_sdrs_protection_group" "g" {
  count                    = %d
  name                     = "bench-${count.index}"
  source_availability_zone = "cn-north-4a"
  target_availability_zone = "cn-north-4b"
  domain_id                = %q
  source_vpc_id            = %q
}
`, n, env["CONTINUITY_SANDBOX_SDRS_DOMAIN_ID"], env["CONTINUITY_SANDBOX_SDRS_VPC_ID"])
}

// Waiter is one row of results.json's waiter table: a schedule simulated
// with an injected clock, for waits around WaitS (from 0.9 to 1.1 times it).
type Waiter struct {
	Poller       string  `json:"poller"`
	WaitS        float64 `json:"wait_s"`
	LatenessP95S float64 `json:"lateness_p95_s"`
	LatenessP95  float64 `json:"lateness_p95_fraction"`
	ReadsPerWait float64 `json:"reads_per_wait"`
	// ReadsAfterMinute are the reads after the first minute of the wait.
	ReadsAfterMinute float64 `json:"reads_after_first_minute"`
}

// simulate runs a schedule against transitions of length w: when does it
// return, and after how many reads (and how many of them after 60 s)?
func simulate(s wait.Schedule, w time.Duration) (lateness time.Duration, reads, afterMinute int) {
	var t time.Duration
	for n := 1; ; n++ {
		t += s.Next(n, t)
		reads++
		if t > time.Minute {
			afterMinute++
		}
		if t >= w {
			if l, ok := s.(interface{ Linger() time.Duration }); ok {
				t += l.Linger()
			}
			return t - w, reads, afterMinute
		}
	}
}

// waiterTable simulates every poller on waits of 1 s to 1 h.
func waiterTable() []Waiter {
	var out []Waiter
	rng := rand.New(rand.NewPCG(1, 2))
	for _, p := range pollers {
		for _, ws := range []float64{1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800, 3600} {
			const samples = 400
			var late []float64
			var reads, after float64
			for range samples {
				w := time.Duration(ws * (0.9 + 0.2*rng.Float64()) * float64(time.Second))
				l, r, a := simulate(p.schedule, w)
				late = append(late, l.Seconds())
				reads += float64(r)
				after += float64(a)
			}
			sort.Float64s(late)
			p95 := late[int(math.Ceil(0.95*samples))-1]
			out = append(out, Waiter{Poller: p.name, WaitS: ws, LatenessP95S: p95, LatenessP95: p95 / ws,
				ReadsPerWait: reads / samples, ReadsAfterMinute: after / samples})
		}
	}
	return out
}
