package astra

import (
	"reflect"
	"testing"
)

func TestParseFilter(t *testing.T) {
	tests := []struct {
		in   string
		want []filterClause
	}{
		{"name eq 'x'", []filterClause{{path: []pathSegment{{name: "name"}}, op: opEq, value: "x"}}},
		{"name%20eq%20'x'", []filterClause{{path: []pathSegment{{name: "name"}}, op: opEq, value: "x"}}},
		{"metadata.labels[*].name in 'te am'", []filterClause{{
			path: []pathSegment{{name: "metadata"}, {name: "labels", all: true}, {name: "name"}}, op: opIn, value: "te am"}}},
		{"a gte '1',b lt '2'", []filterClause{
			{path: []pathSegment{{name: "a"}}, op: opGte, value: "1"},
			{path: []pathSegment{{name: "b"}}, op: opLt, value: "2"}}},
		// ",-_" is a range: '/', '=', '?', '[', ']' and ',' are value characters.
		{"x eq 'a/b=c?[d],e'", []filterClause{{path: []pathSegment{{name: "x"}}, op: opEq, value: "a/b=c?[d],e"}}},
		{`x eq '{"k":1}@T12:00'`, []filterClause{{path: []pathSegment{{name: "x"}}, op: opEq, value: `{"k":1}@T12:00`}}},
	}
	for _, tt := range tests {
		got, err := parseFilter(tt.in)
		if err != nil {
			t.Errorf("parseFilter(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseFilter(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseFilterRejects(t *testing.T) {
	for _, in := range []string{
		"", "name", "name eq", "name eq x", "name eq ''", "name eq 'x", "name like 'x'",
		"name  eq 'x'", "na-me eq 'x'", "name eq 'x' ", "name eq 'x',", "name eq 'x';b eq 'y'",
		"name eq 'a!b'", "name eq 'a|b'", "name eq 'it''s'", ".name eq 'x'", "name. eq 'x'", "a[1] eq 'x'",
	} {
		if got, err := parseFilter(in); err == nil {
			t.Errorf("parseFilter(%q) = %+v, want an error", in, got)
		}
	}
}
