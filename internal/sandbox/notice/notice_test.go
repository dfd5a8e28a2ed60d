package notice

import (
	"testing"
	"time"
)

func TestObserveCountsTheFirstReadAfterTheEndOnly(t *testing.T) {
	r := New()
	clock := time.Unix(1000, 0)
	r.now = func() time.Time { return clock }
	end := time.Unix(1000, 0).Add(2 * time.Second)

	r.Observe("k", "a", end) // before the end: not noticed yet
	clock = end.Add(300 * time.Millisecond)
	r.Observe("k", "a", end) // the first read after the end
	clock = end.Add(5 * time.Second)
	r.Observe("k", "a", end)                   // a later read of the same transition
	r.Observe("k", "a", time.Time{})           // no transition
	r.Observe("k", "b", end.Add(-time.Second)) // another object, 6 s late

	st := r.Snapshot()["k"]
	if st.Count != 2 || st.P50 != 0.3 || st.Max != 6 {
		t.Fatalf("stats %+v, want 2 samples, p50 0.3 s, max 6 s", st)
	}
	var nilRecorder *Recorder
	nilRecorder.Observe("k", "a", end)
	if len(nilRecorder.Snapshot()) != 0 {
		t.Error("a nil recorder recorded")
	}
	r.Reset()
	if len(r.Snapshot()) != 0 {
		t.Error("Reset kept samples")
	}
}

func TestQuantileNearestRank(t *testing.T) {
	var s []time.Duration
	for i := 1; i <= 20; i++ {
		s = append(s, time.Duration(i)*time.Second)
	}
	if q := quantile(s, 0.95); q != 19 {
		t.Errorf("p95 of 1..20 s = %v, want 19", q)
	}
	if q := quantile(s, 0.5); q != 10 {
		t.Errorf("p50 of 1..20 s = %v, want 10", q)
	}
}
