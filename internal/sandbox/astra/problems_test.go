package astra

import "testing"

func TestProblemCatalogMatchesNumbers(t *testing.T) {
	for n := range problemCatalog {
		p := newProblem(n)
		if p.Type != "https://astra.netapp.io/problems/"+itoa(n) {
			t.Errorf("problem %d type %q", n, p.Type)
		}
		if p.Status != itoa(p.code) || p.code < 400 {
			t.Errorf("problem %d status %q code %d", n, p.Status, p.code)
		}
	}
}
