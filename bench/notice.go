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

// asyncApply drives n objects of kind through its steps at
// -parallelism=10, measures the last one (the creation, the change or the
// destruction that waits for the transition) and compares it with the
// bound: the no-op baseline's same step on n objects plus n/10
// transitions, the time the waits take at best.
func (r *runner) asyncApply(k asyncKind, n int, transition time.Duration) (Apply, error) {
	if k.max > 0 {
		n = min(n, k.max)
	}
	sb, err := r.startSandbox(transition)
	if err != nil {
		return Apply{}, err
	}
	defer sb.stop()
	w, err := r.workdir("async-"+k.kind, k.config(sb.env, n, ""), sb.env)
	if err != nil {
		return Apply{}, err
	}
	var ours run
	for _, step := range k.steps {
		if ours, err = w.terraform(nil, append(step, "-parallelism=10")...); err != nil {
			return Apply{}, err
		}
	}
	// The baseline's steps: create, change or destroy n no-op objects.
	base, err := r.workdir("async-noop-"+k.kind, noopRevisions(n), nil)
	if err != nil {
		return Apply{}, err
	}
	baseSteps := [][]string{{"apply", "-auto-approve"}}
	switch last := k.steps[len(k.steps)-1]; {
	case last[0] == "destroy":
		baseSteps = append(baseSteps, []string{"destroy", "-auto-approve"})
	case len(k.steps) > 1:
		baseSteps = append(baseSteps, []string{"apply", "-auto-approve", "-var", "rev=2"})
	}
	var noop run
	for _, step := range baseSteps {
		if noop, err = base.terraform(nil, append(step, "-parallelism=10")...); err != nil {
			return Apply{}, err
		}
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
// return, after how many reads (and how many of them after 60 s), and
// between which two reads did the transition end (what a learning waiter
// remembers)?
func simulate(s wait.Schedule, w time.Duration) (lateness time.Duration, reads, afterMinute int, lo, hi time.Duration) {
	var t time.Duration
	for n := 1; ; n++ {
		lo = t
		t += s.Next(n, t)
		reads++
		if t > time.Minute {
			afterMinute++
		}
		if t >= w {
			hi = t
			if l, ok := s.(interface{ Linger() time.Duration }); ok {
				t += l.Linger()
			}
			return t - w, reads, afterMinute, lo, hi
		}
	}
}

// learnedPoller is the waiter table's row for the provider's waits of a
// kind already seen in the run: after warm-up waits of the same length,
// each sample follows the learned schedule and teaches it in turn.
const learnedPoller = "continuity, learned"

// waiterTable simulates every poller on waits of 1 s to 1 h, and the
// provider's once the kind has been learned.
func waiterTable() []Waiter {
	var out []Waiter
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{learnedPoller}
	for _, p := range pollers {
		names = append(names, p.name)
	}
	for _, name := range names {
		for _, ws := range []float64{1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800, 3600} {
			const samples, warmUp = 400, 4
			learner := wait.NewLearner()
			schedule := func() wait.Schedule {
				for _, p := range pollers {
					if p.name == name {
						return p.schedule
					}
				}
				return learner.Schedule("kind", wait.Default)
			}
			var late []float64
			var reads, after float64
			for i := range warmUp + samples {
				w := time.Duration(ws * (0.9 + 0.2*rng.Float64()) * float64(time.Second))
				s := schedule()
				l, r, a, lo, hi := simulate(s, w)
				learner.Saw("kind", s, r, lo, hi)
				if i < warmUp {
					continue
				}
				late = append(late, l.Seconds())
				reads += float64(r)
				after += float64(a)
			}
			sort.Float64s(late)
			p95 := late[int(math.Ceil(0.95*samples))-1]
			out = append(out, Waiter{Poller: name, WaitS: ws, LatenessP95S: p95, LatenessP95: p95 / ws,
				ReadsPerWait: reads / samples, ReadsAfterMinute: after / samples})
		}
	}
	return out
}
