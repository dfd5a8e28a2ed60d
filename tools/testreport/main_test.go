package main

import (
	"bytes"
	"strings"
	"testing"
)

const run = `{"Action":"run","Package":"p","Test":"TestA"}
{"Action":"output","Package":"p","Test":"TestA","Output":"=== RUN   TestA\n"}
{"Action":"pass","Package":"p","Test":"TestA"}
{"Action":"output","Package":"p","Test":"TestOpenAPIConformance/GET_one","Output":"=== RUN   x\n"}
{"Action":"pass","Package":"p","Test":"TestOpenAPIConformance/GET_one"}
{"Action":"pass","Package":"p","Test":"TestOpenAPIConformance"}
{"Action":"output","Package":"p","Test":"TestB","Output":"--- SKIP: TestB (0.00s)\n"}
{"Action":"output","Package":"p","Test":"TestB","Output":"    b_test.go:3: no spec\n"}
{"Action":"skip","Package":"p","Test":"TestB"}
{"Action":"output","Package":"p","Test":"TestC","Output":"    c_test.go:9: boom\n"}
{"Action":"fail","Package":"p","Test":"TestC"}
{"Action":"output","Package":"p","Output":"FAIL\tp\t0.1s\n"}
{"Action":"fail","Package":"p"}
`

func TestReportCountsAndPrintsFailuresOnly(t *testing.T) {
	var out bytes.Buffer
	r := &report{out: &out, output: map[key][]string{}}
	if err := r.read(strings.NewReader(run)); err != nil {
		t.Fatal(err)
	}
	code := r.summary(false)
	got := out.String()
	for _, want := range []string{"c_test.go:9: boom", "FAIL\tp\t0.1s", "3 passed, 1 failed, 1 skipped", "conformance cases checked: 1", "p TestB: b_test.go:3: no spec"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "=== RUN") {
		t.Errorf("output has the -json chatter:\n%s", got)
	}
	if code != 1 {
		t.Errorf("exit code %d, want 1 for a failure", code)
	}
}

func TestCIFailsOnSkipsAndOnNoConformance(t *testing.T) {
	skipOnly := `{"Action":"output","Package":"p","Test":"TestB","Output":"    b_test.go:3: later\n"}
{"Action":"skip","Package":"p","Test":"TestB"}
`
	for _, ci := range []bool{false, true} {
		var out bytes.Buffer
		r := &report{out: &out, output: map[key][]string{}}
		_ = r.read(strings.NewReader(skipOnly))
		code := r.summary(ci)
		if want := map[bool]int{false: 0, true: 1}[ci]; code != want {
			t.Errorf("CI=%v: exit code %d, want %d:\n%s", ci, code, want, out.String())
		}
	}
}
