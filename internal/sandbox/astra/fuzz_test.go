package astra

import (
	"strings"
	"testing"
)

// FuzzParseFilter: parseFilter never panics; what it accepts is clauses of
// non-empty field names, a known operator and a non-empty value of the
// spec's character class, and rendering them back gives a filter that
// parses to the same clauses. Its seed corpus is in testdata/fuzz.
func FuzzParseFilter(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		clauses, err := parseFilter(s)
		if err != nil {
			if clauses != nil {
				t.Errorf("%q: clauses %v with the error %v", s, clauses, err)
			}
			return
		}
		if len(clauses) == 0 {
			t.Fatalf("%q: accepted without a clause", s)
		}
		for _, c := range clauses {
			if len(c.path) == 0 || c.value == "" {
				t.Fatalf("%q: clause %+v lacks a field or a value", s, c)
			}
			for _, seg := range c.path {
				if seg.name == "" || strings.IndexFunc(seg.name, func(r rune) bool { return r > 127 || !isAlnum(byte(r)) }) >= 0 {
					t.Fatalf("%q: field segment %q is not alphanumeric", s, seg.name)
				}
			}
			for i := 0; i < len(c.value); i++ {
				if !isFilterValueChar(c.value[i]) {
					t.Fatalf("%q: value %q has %q, outside the spec's class", s, c.value, c.value[i])
				}
			}
		}
		rendered := renderFilter(clauses)
		again, err := parseFilter(rendered)
		if err != nil || len(again) != len(clauses) {
			t.Fatalf("%q rendered as %q: %v, %d clauses", s, rendered, err, len(again))
		}
		if renderFilter(again) != rendered {
			t.Errorf("%q: %q parses back as %q", s, rendered, renderFilter(again))
		}
	})
}

// renderFilter writes clauses in the filter syntax, spaces as separators.
func renderFilter(clauses []filterClause) string {
	parts := make([]string, len(clauses))
	for i, c := range clauses {
		segs := make([]string, len(c.path))
		for j, seg := range c.path {
			segs[j] = seg.name
			if seg.all {
				segs[j] += "[*]"
			}
		}
		parts[i] = strings.Join(segs, ".") + " " + string(c.op) + " '" + c.value + "'"
	}
	return strings.Join(parts, ",")
}

// FuzzParseSelector: parseSelector never panics; what it accepts has
// requirements of known operators with keys, and selectorsMatch applies it
// to any labels without panicking.
func FuzzParseSelector(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		reqs, err := parseSelector(s)
		if err != nil {
			return
		}
		for _, r := range reqs {
			if r.key == "" || !strings.Contains("exists !exists = != in notin", r.op) {
				t.Fatalf("%q: requirement %+v", s, r)
			}
		}
		_ = selectorsMatch([]string{s}, []label{{"app", "payments"}, {"tier", ""}})
	})
}
