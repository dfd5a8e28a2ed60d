package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// markdown renders results.md: every table, with the targets of the
// performance issue beside the figures.
func markdown(res Results) string {
	var b strings.Builder
	mode := "full"
	if res.Quick {
		mode = "quick (BENCH_QUICK=1)"
	}
	fmt.Fprintf(&b, "# make bench\n\n%s run of %s on %s, %.0f s. Reproduce with `make bench` (`BENCH_QUICK=1 make bench` for the quick one).\n\n",
		mode, res.Date, res.Machine, res.Duration)

	b.WriteString("## Notice latency\n\nFrom the end of a transition to the first read that saw it, as the sandbox measures it " +
		"(`/_sandbox/metrics` → `notice`), for the provider's poller and the same waits driven by the peers' pollers " +
		"(`CONTINUITY_POLL_SCHEDULE`). Target: p95 ≤ 1.0 s up to 60 s, ≤ 1.2 reads per second of wait from 2 s to 60 s, ≤ 4 reads for 0.2 s.\n\n")
	b.WriteString("![notice latency against transition length](notice.svg)\n\n")
	b.WriteString("| kind | poller | transition s | samples | p50 s | p95 s | reads per wait | reads per s of wait |\n|---|---|---:|---:|---:|---:|---:|---:|\n")
	for _, n := range res.Notice {
		fmt.Fprintf(&b, "| %s | %s | %g | %d | %.2f | %.2f | %.1f | %.2f |\n", n.Kind, n.Poller, n.TransitionS, n.N, n.P50S, n.P95S, n.ReadsPerWait, n.ReadsPerWaitS)
	}

	b.WriteString("\n## Polling schedules, simulated\n\nEach schedule against 400 transitions of 0.9 to 1.1 times the wait, with an " +
		"injected clock. Lateness is until the waiter returns (the Huawei poller checks 5 s after its read). Target: p95 ≤ 5 % of the wait up to 1 h; " +
		"beyond the first minute, no more reads than the Huawei poller. _" + learnedPoller + "_ is the provider's wait of a kind already " +
		"seen in the run (after four waits of about the same length; each sample teaches it in turn).\n\n")
	names := []string{pollers[0].name, learnedPoller}
	for _, p := range pollers[1:] {
		names = append(names, p.name)
	}
	b.WriteString("| wait s |")
	for _, name := range names {
		fmt.Fprintf(&b, " %s p95 s | %s reads | %s reads after 60 s |", name, name, name)
	}
	b.WriteString("\n|---:|")
	for range names {
		b.WriteString("---:|---:|---:|")
	}
	b.WriteString("\n")
	byWait := map[float64]map[string]Waiter{}
	var waits []float64
	for _, w := range res.Waiter {
		if byWait[w.WaitS] == nil {
			byWait[w.WaitS] = map[string]Waiter{}
			waits = append(waits, w.WaitS)
		}
		byWait[w.WaitS][w.Poller] = w
	}
	sort.Float64s(waits)
	for _, ws := range waits {
		fmt.Fprintf(&b, "| %g |", ws)
		for _, name := range names {
			w := byWait[ws][name]
			fmt.Fprintf(&b, " %.2f (%.1f %%) | %.1f | %.1f |", w.LatenessP95S, 100*w.LatenessP95, w.ReadsPerWait, w.ReadsAfterMinute)
		}
		b.WriteString("\n")
	}

	b.WriteString("\n## Applies\n\nHook sources against the no-op provider's; asynchronous kinds at `-parallelism=10` against the lower bound " +
		"(the no-op baseline's same step on n objects, creation, change or destruction, plus n/10 transitions; only the step that waits " +
		"is timed, after the steps that lead to it). Targets: 1.25× for hook sources, 1.15× for the asynchronous kinds.\n\n")
	b.WriteString("| kind | n | transition s | wall s | baseline s | bound s | ratio |\n|---|---:|---:|---:|---:|---:|---:|\n")
	for _, a := range res.Apply {
		fmt.Fprintf(&b, "| %s | %d | %g | %.1f | %.1f | %.1f | %.2f |\n", a.Kind, a.N, a.Transition, a.WallS, a.BaselineS, a.BoundS, a.Ratio)
	}

	b.WriteString("\n## Plan\n\nA plan of n hook sources that exist, against the same plan with the no-op provider (its process's CPU and peak RSS " +
		"from `CONTINUITY_RUSAGE_FILE`) and with `terraform_data`. Targets: 1.25× in wall and CPU time, one read per object, RSS within 1.15×.\n\n")
	b.WriteString("| n | wall s | no-op wall s | ratio | provider CPU s | no-op CPU s | CPU ratio | reads per object | provider RSS MB | no-op RSS MB | terraform_data wall s |\n" +
		"|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, p := range res.Plan {
		fmt.Fprintf(&b, "| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f | %.2f |\n", p.N, p.WallS, p.BaselineWallS, p.Ratio,
			p.CPUS, p.BaselineCPUS, p.CPURatio, p.ReadsPerObject, p.ProviderRSSMB, p.BaselineRSSMB, p.TerraformDataS)
	}
	return b.String()
}

// noticeSVG plots the p95 notice latency against the transition length,
// one line per poller (the mean over the kinds), on a logarithmic x axis.
func noticeSVG(res Results) string {
	const w, h, left, right, top, bottom = 640.0, 360.0, 60.0, 140.0, 30.0, 50.0
	type point struct{ x, y float64 }
	series := map[string][]point{}
	maxY := 1.0
	for _, p := range pollers {
		sum, count := map[float64]float64{}, map[float64]float64{}
		for _, n := range res.Notice {
			if n.Poller == p.name && n.N > 0 {
				sum[n.TransitionS] += n.P95S
				count[n.TransitionS]++
			}
		}
		for tr, s := range sum {
			y := s / count[tr]
			series[p.name] = append(series[p.name], point{tr, y})
			maxY = math.Max(maxY, y)
		}
		sort.Slice(series[p.name], func(i, j int) bool { return series[p.name][i].x < series[p.name][j].x })
	}
	minX, maxX := 0.1, 100.0
	px := func(x float64) float64 {
		return left + (math.Log10(x)-math.Log10(minX))/(math.Log10(maxX)-math.Log10(minX))*(w-left-right)
	}
	py := func(y float64) float64 { return h - bottom - y/(maxY*1.1)*(h-top-bottom) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" font-family="sans-serif" font-size="12">`+"\n", w, h)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(&b, `<text x="%.0f" y="18" font-size="14">p95 notice latency (s) against transition length (s)</text>`+"\n", left)
	fmt.Fprintf(&b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="black"/>`+"\n", left, h-bottom, w-right, h-bottom)
	fmt.Fprintf(&b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="black"/>`+"\n", left, top, left, h-bottom)
	for _, x := range []float64{0.2, 1, 2, 10, 60} {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" text-anchor="middle">%g</text>`+"\n", px(x), h-bottom+18, x)
	}
	for i := 0; i <= 4; i++ {
		y := maxY * 1.1 * float64(i) / 4
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" text-anchor="end">%.1f</text>`+"\n", left-6, py(y)+4, y)
		fmt.Fprintf(&b, `<line x1="%.0f" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#ddd"/>`+"\n", left, py(y), w-right, py(y))
	}
	// The target: 1 s.
	fmt.Fprintf(&b, `<line x1="%.0f" y1="%.1f" x2="%.0f" y2="%.1f" stroke="green" stroke-dasharray="4 3"/>`+"\n", left, py(1), w-right, py(1))
	fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" fill="green">target 1 s</text>`+"\n", w-right+6, py(1)+4)
	colors := map[string]string{"continuity": "#1f77b4", "huawei": "#d62728", "sdkv2": "#ff7f0e"}
	row := 0
	for _, p := range pollers {
		pts := series[p.name]
		if len(pts) == 0 {
			continue
		}
		var path []string
		for _, pt := range pts {
			path = append(path, fmt.Sprintf("%.1f,%.1f", px(pt.x), py(pt.y)))
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>`+"\n", px(pt.x), py(pt.y), colors[p.name])
		}
		fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>`+"\n", colors[p.name], strings.Join(path, " "))
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" fill="%s">%s</text>`+"\n", w-right+6, top+20+float64(row)*16, colors[p.name], p.name)
		row++
	}
	b.WriteString("</svg>\n")
	return b.String()
}
