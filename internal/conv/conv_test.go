package conv

import (
	"testing"
	"time"
)

func TestDerefAndPtr(t *testing.T) {
	if got := Deref[string](nil); got != "" {
		t.Errorf("Deref(nil) = %q", got)
	}
	if got := Deref(Ptr("x")); got != "x" {
		t.Errorf("Deref(Ptr(x)) = %q", got)
	}
	if got := Deref(Ptr(3)); got != 3 {
		t.Errorf("Deref(Ptr(3)) = %d", got)
	}
}

func TestAgeSeconds(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, c := range []struct {
		t    time.Time
		want int64
	}{
		{now, 0},
		{now.Add(-90*time.Second - 500*time.Millisecond), 90},
		{now.Add(time.Minute), 0}, // ahead of now: clocks apart
	} {
		if got := AgeSeconds(c.t, now); got != c.want {
			t.Errorf("AgeSeconds(%v) = %d, want %d", c.t, got, c.want)
		}
	}
}
