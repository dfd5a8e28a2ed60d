package store

import (
	"strings"
	"testing"
	"time"
)

type run struct {
	id   string
	at   time.Time
	done bool
}

type thing struct {
	id     string
	size   int64
	note   *string
	tags   map[string]string
	runs   []*run
	last   *run
	effect func()
	body   map[string]any
}

type world struct {
	Things []*thing
	Runs   []*run
}

func TestSnapshotKeepsUnexportedFieldsAndSharedPointers(t *testing.T) {
	at := time.Date(2026, 12, 1, 13, 0, 0, 123456789, time.UTC)
	r := &run{id: "r1", at: at}
	note := "hello"
	w := &world{
		Things: []*thing{{id: "a", size: 7, note: &note, tags: map[string]string{"k": "v"}, runs: []*run{r}, last: r,
			effect: func() {}, body: map[string]any{"x": "y"}}},
		Runs: []*run{r},
	}
	data, err := Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	var got world
	if err := Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	g := got.Things[0]
	if g.id != "a" || g.size != 7 || *g.note != "hello" || g.tags["k"] != "v" || !g.runs[0].at.Equal(at) || g.body["x"] != "y" || g.effect != nil {
		t.Fatalf("restored %+v", g)
	}
	if g.runs[0] != g.last || got.Runs[0] != g.last {
		t.Error("the shared run is three objects after the restore, want one")
	}
	again, _ := Marshal(&got)
	if string(again) != string(data) {
		t.Errorf("saved again:\n%s\nwant\n%s", again, data)
	}
	g.last.done = true
	if !got.Runs[0].done {
		t.Error("a change through one holder is not seen through the other")
	}
}

func TestSnapshotOfAnotherShapeIsRefused(t *testing.T) {
	var w world
	if err := Unmarshal([]byte(`{"Things":[{"colour":"red"}]}`), &w); err == nil || !strings.Contains(err.Error(), `"colour"`) {
		t.Fatalf("err = %v, want the unknown field named", err)
	}
}

func TestReplaceSetsTheRows(t *testing.T) {
	tab := NewTable(func(r *run) string { return r.id })
	tab.Replace([]*run{{id: "x"}, {id: "y"}})
	if _, ok := tab.Get("y"); !ok || len(tab.Rows()) != 2 {
		t.Fatal("Replace did not set the rows")
	}
}
