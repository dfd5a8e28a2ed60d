// Command bench is make bench: it builds the provider, the sandbox and a
// no-op baseline provider (bench/noop), runs real terraform against the
// sandbox out of process, and writes bench/results.json, bench/results.md
// and bench/notice.svg.
//
// It measures how late each poller notices the end of an asynchronous
// transition (the sandbox times the first read after the end), the polling
// schedules simulated on waits of 1 s to 1 h, the applies of many objects
// against their lower bound, and the cost of a plan of 1,000 objects
// against the no-op provider's. BENCH_QUICK=1 runs a smaller set in under
// three minutes.
//
// It is a benchmark, not a test: nothing here passes or fails; the targets
// of the performance issue are shown beside the figures.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"
)

// Results is bench/results.json.
type Results struct {
	Date     string   `json:"date"`
	Quick    bool     `json:"quick"`
	Machine  string   `json:"machine"`
	Notice   []Notice `json:"notice"`
	Waiter   []Waiter `json:"waiter"`
	Apply    []Apply  `json:"apply"`
	Plan     []Plan   `json:"plan"`
	Duration float64  `json:"duration_s"`
}

func main() {
	out := flag.String("out", "bench", "directory of results.json, results.md and notice.svg")
	quick := flag.Bool("quick", os.Getenv("BENCH_QUICK") == "1", "the smaller version (BENCH_QUICK=1)")
	flag.Parse()
	if err := bench(*out, *quick); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func bench(out string, quick bool) error {
	start := time.Now()
	tf := os.Getenv("TERRAFORM")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			return fmt.Errorf("no terraform on PATH (or TERRAFORM=...)")
		}
	}
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	r, err := newRunner(tf, os.Stderr)
	if err != nil {
		return err
	}
	defer r.cleanup()
	fmt.Fprintln(os.Stderr, "bench: building the provider, the no-op baseline and the sandbox")
	if err := r.build(root); err != nil {
		return err
	}
	res := Results{Date: time.Now().UTC().Format(time.RFC3339), Quick: quick,
		Machine: fmt.Sprintf("%s/%s, %d CPUs", runtime.GOOS, runtime.GOARCH, runtime.NumCPU())}

	res.Waiter = waiterTable()

	n, runs := 1000, 3
	transitions := []time.Duration{200 * time.Millisecond, 2 * time.Second, 10 * time.Second, 60 * time.Second}
	objects, asyncN := 5, 50
	if quick {
		n, runs = 200, 1
		transitions = []time.Duration{200 * time.Millisecond, 2 * time.Second}
		objects, asyncN = 3, 20
	}
	plan, apply, err := r.planAndApply(n, runs)
	if err != nil {
		return err
	}
	res.Plan, res.Apply = []Plan{plan}, []Apply{apply}

	for _, k := range asyncKinds {
		fmt.Fprintf(os.Stderr, "bench: apply of %d × %s at -parallelism=10\n", asyncN, k.kind)
		a, err := r.asyncApply(k, asyncN, 2*time.Second)
		if err != nil {
			return err
		}
		res.Apply = append(res.Apply, a)
	}

	// The waits of one transition length run side by side, one sandbox
	// each: they spend their time sleeping.
	for _, tr := range transitions {
		fmt.Fprintf(os.Stderr, "bench: notice latency at transitions of %s (%d kinds × %d pollers)\n", tr, len(asyncKinds), len(pollers))
		rows := make([]Notice, len(asyncKinds)*len(pollers))
		var fns []func() error
		for i, k := range asyncKinds {
			for j, p := range pollers {
				fns = append(fns, func() error {
					row, err := r.notice(k, p.env, tr, objects)
					rows[i*len(pollers)+j] = row
					return err
				})
			}
		}
		if err := parallel(fns...); err != nil {
			return err
		}
		res.Notice = append(res.Notice, rows...)
	}
	res.Duration = time.Since(start).Seconds()

	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	data, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "results.json"), append(data, '\n'), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "notice.svg"), []byte(noticeSVG(res)), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "results.md"), []byte(markdown(res)), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "bench: wrote %s/results.json, results.md and notice.svg in %s\n", out, time.Since(start).Round(time.Second))
	return nil
}
