package wait

import (
	"context"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

func TestWaitsOfOneKindLearnWhenTheTransitionEnds(t *testing.T) {
	t.Cleanup(durations.reset)
	clock := time.Duration(0)
	fs := &fakeSleep{}
	sleep := func(ctx context.Context, d time.Duration) error { clock += d; return fs.sleep(ctx, d) }
	// The transition ends 10 s after the wait starts.
	refresh := func(context.Context) (obj, string, error) {
		if clock >= 10*time.Second {
			return obj{state: "available"}, "available", nil
		}
		return obj{state: "creating"}, "creating", nil
	}
	conf := Conf[obj]{Kind: "thing.create", Pending: []string{"creating"}, Target: []string{"available"}, Refresh: refresh,
		sleep: sleep, elapsed: func(time.Time) time.Duration { return clock }}

	if _, err := conf.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	first := len(fs.slept)
	firstLate := clock - 10*time.Second

	clock, fs.slept = 0, nil
	if _, err := conf.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	second := len(fs.slept)
	secondLate := clock - 10*time.Second
	if second >= first || second > 4 || secondLate > nearEndPoll || secondLate > firstLate {
		t.Errorf("first wait: %d reads, %v late; second: %d reads, %v late; want the second to read a few times near the end",
			first, firstLate, second, secondLate)
	}
}

func TestNearEndFallsBackWhenTheTransitionIsLate(t *testing.T) {
	s := nearEnd{base: Adaptive{}, end: 10 * time.Second}
	if d := s.Next(1, 0); d != 10*time.Second-nearEndLead {
		t.Errorf("first sleep %v", d)
	}
	if d := s.Next(2, 10*time.Second); d != nearEndPoll {
		t.Errorf("around the end %v", d)
	}
	if d, want := s.Next(9, 90*time.Second), (Adaptive{}).Next(9, 90*time.Second); d != want {
		t.Errorf("long after the end %v, want the base schedule", d)
	}
	h := nearEnd{base: HuaweiPeer{}}
	if h.Linger() != 5*time.Second {
		t.Error("the base's linger is lost")
	}
}

// A deletion ends when the object is gone: waits that take a 404 for
// success learn its length too.
func TestDeletionsLearnWhenTheObjectIsGone(t *testing.T) {
	t.Cleanup(durations.reset)
	clock := time.Duration(0)
	refresh := func(context.Context) (obj, string, error) {
		if clock >= 10*time.Second {
			return obj{}, "", &apierr.NotFoundError{Kind: "thing", ID: "x"}
		}
		return obj{state: "deleting"}, "deleting", nil
	}
	conf := Conf[obj]{Kind: "thing.delete", Pending: []string{"deleting"}, NotFound: NotFoundIsSuccess, Refresh: refresh,
		sleep: func(_ context.Context, d time.Duration) error { clock += d; return nil }, elapsed: func(time.Time) time.Duration { return clock }}
	if _, err := conf.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got, ok := durations.expect("thing.delete"); !ok || got > 10*time.Second || got < 9*time.Second {
		t.Errorf("learned %v (%v), want the read before the 404, at most 10 s", got, ok)
	}
}
