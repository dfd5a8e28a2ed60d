// Command testreport reads `go test -json` on its standard input and prints
// what a plain `go test` prints (package results, and the whole output of
// failed tests), then a summary: how many tests passed, failed and were
// skipped, and how many Astra OpenAPI conformance cases ran.
//
// With CI set in the environment a skipped test fails the run, since a
// test that skips in CI checks nothing; the skips are listed with their
// reasons. A run in which no conformance case ran fails as well.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// event is one line of `go test -json` (test2json).
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

type key struct{ pkg, test string }

type report struct {
	out                  io.Writer
	output               map[key][]string
	passed, failed       int
	skipped              []string
	conformance          int
	failedPkgs, buildErr int
}

func main() {
	r := &report{out: os.Stdout, output: map[key][]string{}}
	if err := r.read(os.Stdin); err != nil {
		fmt.Fprintln(os.Stderr, "testreport:", err)
		os.Exit(2)
	}
	os.Exit(r.summary(os.Getenv("CI") != ""))
}

func (r *report) read(in io.Reader) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1024*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if err := json.Unmarshal(line, &e); err != nil || e.Action == "" {
			// Not an event (go vet or the build writing to stdout): pass it on.
			fmt.Fprintln(r.out, string(line))
			continue
		}
		r.handle(e)
	}
	return sc.Err()
}

func (r *report) handle(e event) {
	k := key{e.Package, e.Test}
	switch e.Action {
	case "output", "build-output":
		if e.Test == "" {
			r.packageOutput(e.Output)
			return
		}
		r.output[k] = append(r.output[k], e.Output)
	case "build-fail":
		r.buildErr++
	case "pass":
		if e.Test == "" {
			return
		}
		r.passed++
		if strings.Contains(topLevel(e.Test), "Conformance") && strings.Contains(e.Test, "/") {
			r.conformance++
		}
		delete(r.output, k)
	case "skip":
		if e.Test == "" {
			return
		}
		r.skipped = append(r.skipped, fmt.Sprintf("%s %s: %s", e.Package, e.Test, reason(r.output[k])))
		delete(r.output, k)
	case "fail":
		if e.Test == "" {
			r.failedPkgs++
			return
		}
		r.failed++
		for _, l := range r.output[k] {
			fmt.Fprint(r.out, l)
		}
		delete(r.output, k)
	}
}

// packageOutput prints the lines a plain go test prints for a package: its
// result line, panics and build errors; not the === RUN chatter of -json.
func (r *report) packageOutput(s string) {
	t := strings.TrimSpace(s)
	if t == "PASS" || t == "" || strings.HasPrefix(t, "=== ") {
		return
	}
	fmt.Fprint(r.out, s)
}

func topLevel(test string) string {
	name, _, _ := strings.Cut(test, "/")
	return name
}

// reason is the message a skipped test logged (the lines after --- SKIP).
func reason(lines []string) string {
	var msg []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- SKIP") {
			continue
		}
		msg = append(msg, t)
	}
	if len(msg) == 0 {
		return "(no reason given)"
	}
	return strings.Join(msg, " ")
}

// summary prints the totals and returns the exit code.
func (r *report) summary(ci bool) int {
	fmt.Fprintf(r.out, "\ntests: %d passed, %d failed, %d skipped; Astra OpenAPI conformance cases checked: %d\n",
		r.passed, r.failed, len(r.skipped), r.conformance)
	code := 0
	if r.failed > 0 || r.failedPkgs > 0 || r.buildErr > 0 {
		code = 1
	}
	if len(r.skipped) > 0 {
		sort.Strings(r.skipped)
		fmt.Fprintln(r.out, "skipped:")
		for _, s := range r.skipped {
			fmt.Fprintln(r.out, "  "+s)
		}
		if ci {
			fmt.Fprintln(r.out, "error: CI is set and tests skipped; in CI every test must run (a skip checks nothing)")
			code = 1
		}
	}
	if ci && r.conformance == 0 {
		fmt.Fprintln(r.out, "error: CI is set and no Astra OpenAPI conformance case ran")
		code = 1
	}
	return code
}
