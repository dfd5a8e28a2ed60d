package store

import (
	"slices"
	"testing"
)

type row struct{ id, name string }

func ids(rows []*row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.id
	}
	return out
}

func TestTableKeepsCreationOrderAndFindsByID(t *testing.T) {
	tab := NewTable(func(r *row) string { return r.id }, &row{"a", "x"})
	tab.Add(&row{"b", "y"})
	tab.Add(&row{"c", "x"})
	if got := ids(tab.All()); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("All = %v", got)
	}
	if r, ok := tab.Get("b"); !ok || r.name != "y" {
		t.Errorf("Get(b) = %v, %v", r, ok)
	}
	if _, ok := tab.Get("z"); ok {
		t.Error("Get(z) found a row")
	}
	named := func(r *row) bool { return r.name == "x" }
	if got := ids(tab.Filter(named)); !slices.Equal(got, []string{"a", "c"}) {
		t.Errorf("Filter = %v", got)
	}
	if !tab.Any(named) || tab.Len() != 3 {
		t.Error("Any or Len wrong")
	}
	if r, ok := tab.Find(named); !ok || r.id != "a" {
		t.Errorf("Find = %v", r)
	}
}

func TestTableRemoves(t *testing.T) {
	tab := NewTable(func(r *row) string { return r.id }, &row{"a", "x"}, &row{"b", "y"}, &row{"c", "x"})
	if !tab.Remove("b") || tab.Remove("b") {
		t.Error("Remove(b) twice: want true then false")
	}
	gone := tab.RemoveFunc(func(r *row) bool { return r.name == "x" })
	if !slices.Equal(ids(gone), []string{"a", "c"}) || tab.Len() != 0 {
		t.Errorf("RemoveFunc removed %v, %d left", ids(gone), tab.Len())
	}
}

func TestFilterResultIsTheCallers(t *testing.T) {
	initial := []*row{{"a", "x"}}
	tab := NewTable(func(r *row) string { return r.id }, initial...)
	all := tab.All()
	all[0] = &row{"z", "z"}
	if r, _ := tab.Get("a"); r == nil || initial[0].id != "a" {
		t.Error("changing All's slice changed the table")
	}
}
