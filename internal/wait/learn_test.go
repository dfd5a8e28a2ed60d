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

	// A third wait reads no more than the second.
	clock, fs.slept = 0, nil
	if _, err := conf.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if third, late := len(fs.slept), clock-10*time.Second; third > second || late > secondLate {
		t.Errorf("third wait: %d reads, %v late; second: %d reads, %v late", third, late, second, secondLate)
	}
}

// Transitions of one kind that differ in length make the learned window
// span them, and its reads come at most a second apart.
func TestLearnedWindowSpansTransitionsOfDifferentLengths(t *testing.T) {
	t.Cleanup(durations.reset)
	durations.record("thing.create", 9*time.Second, 10*time.Second)
	durations.record("thing.create", 29*time.Second, 30*time.Second)
	w, ok := durations.expect("thing.create")
	if !ok || w.lo != 9*time.Second || w.hi != 30*time.Second {
		t.Fatalf("window %v (%v), want 9 s to 30 s", w, ok)
	}
	s := nearEnd{base: Adaptive{}, end: w}
	if d := s.Next(1, 0); d != 9*time.Second {
		t.Errorf("first read after %v, want at the start of the window", d)
	}
	if d := s.Next(2, 20*time.Second); d != time.Second {
		t.Errorf("then every %v, want every second at most in the first minute", d)
	}
	long := nearEnd{base: Adaptive{}, end: window{100 * time.Second, 300 * time.Second}}
	if d := long.Next(2, 200*time.Second); d != 10*time.Second {
		t.Errorf("after the first minute every %v, want 5 %% of the time waited", d)
	}
}

// A wait whose first read saw the end widens the window downwards, so
// that the next ones find a kind that got quicker.
func TestAKindThatGotQuickerIsFound(t *testing.T) {
	t.Cleanup(durations.reset)
	durations.record("thing.create", 9*time.Second, 10*time.Second)
	w, _ := durations.expect("thing.create")
	durations.saw("thing.create", nearEnd{base: Adaptive{}, end: w}, 1, false, 0, 9*time.Second)
	if w, _ := durations.expect("thing.create"); w.lo != 8*time.Second {
		t.Errorf("window %v, want it to start a window's width (1 s) before the read that saw the end at 9 s", w)
	}
}

func TestNearEndFallsBackWhenTheTransitionIsLate(t *testing.T) {
	s := nearEnd{base: Adaptive{}, end: window{9900 * time.Millisecond, 10 * time.Second}}
	if d := s.Next(1, 0); d != 9900*time.Millisecond {
		t.Errorf("first sleep %v, want until the start of the window", d)
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
	if got, ok := durations.expect("thing.delete"); !ok || got.lo != 9*time.Second || got.hi != 10*time.Second {
		t.Errorf("learned %v (%v), want between the read before the 404 (9 s) and the 404 (10 s)", got, ok)
	}
}

// A wait for an operation under way to end reads at once: the object is
// usually settled already, and then the kind learns nothing from it.
func TestASettleWaitReadsAtOnce(t *testing.T) {
	t.Cleanup(durations.reset)
	refresh, calls := script(t, obj{state: "available"})
	fs := &fakeSleep{}
	conf := Conf[obj]{Kind: "thing.settle", Settle: true, Pending: []string{"extending"}, Target: []string{"available"},
		Refresh: refresh, sleep: fs.sleep}
	if _, err := conf.Wait(context.Background()); err != nil || *calls != 1 || len(fs.slept) != 0 {
		t.Fatalf("%d reads after sleeps %v (%v), want one read at once", *calls, fs.slept, err)
	}
	if w, ok := durations.expect("thing.settle"); ok {
		t.Errorf("learned %v from an object that was settled already", w)
	}

	refresh, calls = script(t, obj{state: "extending"}, obj{state: "available"})
	fs = &fakeSleep{}
	conf.Refresh, conf.sleep = refresh, fs.sleep
	if _, err := conf.Wait(context.Background()); err != nil || *calls != 2 || len(fs.slept) != 1 || fs.slept[0] != time.Second {
		t.Fatalf("%d reads after sleeps %v (%v), want a read at once and one a second later", *calls, fs.slept, err)
	}
	if _, ok := durations.expect("thing.settle"); !ok {
		t.Error("an operation that was under way taught its kind nothing")
	}
}

// A learned wait of a quick kind reads after 0.2 s, not right after the
// request that started the transition.
func TestALearnedQuickKindReadsAfterAFifthOfASecond(t *testing.T) {
	s := nearEnd{base: Adaptive{}, end: window{0, time.Second}}
	if d := s.Next(1, 0); d != nearEndPoll {
		t.Errorf("first read after %v, want %v", d, nearEndPoll)
	}
}
