package astra

import (
	"net/http"
	"testing"
)

func TestListQueryErrors(t *testing.T) {
	tests := []struct {
		query   string
		problem int
		param   string
	}{
		{"?orderBy=name", 6, "orderBy"},
		{"?count=true", 6, "count"},
		{"?limit=2&skip=1", 6, "skip"},
		{"?limit=0", 5, "limit"},
		{"?limit=-1", 5, "limit"},
		{"?limit=01", 5, "limit"},
		{"?limit=", 5, "limit"},
		{"?limit=1&limit=2", 5, "limit"},
		{"?limit=99999999999999999999", 5, "limit"},
		{"?include=", 5, "include"},
		{"?include=id,", 5, "include"},
		{"?include=metadata.labels", 5, "include"},
		{"?filter=", 5, "filter"},
		{"?filter=name%20eq%20x", 5, "filter"},
		{"?filter=name%20like%20%27x%27", 5, "filter"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			ta := newTestAPI(t)
			res := ta.do(t, request{method: http.MethodGet, path: collectionURL + tt.query})
			mustProblem(t, res, 400, tt.problem)
			if names := invalidNames(t, res, "invalidParams"); len(names) != 1 || names[0] != tt.param {
				t.Errorf("invalidParams = %v, want [%s]", names, tt.param)
			}
		})
	}
}
