package astra

import (
	"strings"
	"testing"
	"time"
)

// adoptFound adopts only an unambiguous match made since the request.
func TestAdoptFound(t *testing.T) {
	since := time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)
	at := func(d time.Duration) *Metadata {
		return &Metadata{CreationTimestamp: since.Add(d).Format(time.RFC3339Nano)}
	}
	schedules := func(md ...*Metadata) []Schedule {
		out := make([]Schedule, len(md))
		for i, m := range md {
			out[i] = Schedule{ID: string(rune('a' + i)), Name: "nightly", Metadata: m}
		}
		return out
	}
	made := func(s *Schedule) bool { return s.Name == "nightly" && createdSince(s.Metadata, since) }
	id := func(s *Schedule) string { return s.ID }

	if _, ok, err := adoptFound("schedule", schedules(at(-time.Second), nil, &Metadata{CreationTimestamp: "yesterday"}), made, id); ok || err != nil {
		t.Errorf("older, undated or unreadable schedules adopted: %v, %v", ok, err)
	}
	got, ok, err := adoptFound("schedule", schedules(at(-time.Second), at(0)), made, id)
	if !ok || err != nil || got.ID != "b" {
		t.Errorf("the one made since: %+v, %v, %v", got, ok, err)
	}
	_, ok, err = adoptFound(`schedule "nightly"`, schedules(at(time.Millisecond), at(time.Second)), made, id)
	if ok || err == nil || !strings.Contains(err.Error(), `2 objects match schedule "nightly" (a, b)`) {
		t.Errorf("two made since: %v, %v; want an error naming both", ok, err)
	}
}
