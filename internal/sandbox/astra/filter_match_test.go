package astra

import "testing"

func TestMatch(t *testing.T) {
	item := map[string]any{
		"name":  "Payroll script",
		"count": float64(10),
		"time":  "2024-02-01T00:00:00Z",
		"metadata": map[string]any{
			"labels": []any{map[string]any{"name": "team", "value": "pay"}, map[string]any{"name": "env", "value": "prod"}},
		},
	}
	tests := []struct {
		filter string
		want   bool
	}{
		{"name eq 'Payroll script'", true},
		{"name eq 'payroll script'", false},
		{"name in 'roll'", true},
		{"name in 'Roll'", false},
		{"count gt '9'", true}, // numeric, not "10" < "9" as strings
		{"count lt '9'", false},
		{"count lte '10'", true},
		{"count gte '10.5'", false},
		{"time lt '2024-03-01T00:00:00Z'", true},
		{"time gt '2024-03-01T00:00:00Z'", false},
		{"metadata.labels[*].value eq 'prod'", true},
		{"metadata.labels[*].value eq 'dev'", false},
		{"metadata.labels.value eq 'prod'", false}, // an array needs [*]
		{"metadata eq 'x'", false},                 // objects never match
		{"unknown eq 'x'", false},
		{"name eq 'Payroll script',count eq '10'", true},
		{"name eq 'Payroll script',count eq '11'", false},
	}
	for _, tt := range tests {
		clauses, err := parseFilter(tt.filter)
		if err != nil {
			t.Fatalf("parseFilter(%q): %v", tt.filter, err)
		}
		if got := matchAll(item, clauses); got != tt.want {
			t.Errorf("%s: match = %v, want %v", tt.filter, got, tt.want)
		}
	}
}
