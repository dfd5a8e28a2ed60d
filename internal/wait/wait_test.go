package wait

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

type obj struct{ state, msg string }

// script returns a refresh function that answers the given steps in order;
// a step with an error is returned as that error. It records the calls.
func script(t *testing.T, steps ...any) (RefreshFunc[obj], *int) {
	t.Helper()
	calls := 0
	return func(context.Context) (obj, string, error) {
		if calls >= len(steps) {
			t.Fatalf("refresh called %d times, only %d steps scripted", calls+1, len(steps))
		}
		s := steps[calls]
		calls++
		switch v := s.(type) {
		case error:
			return obj{}, "", v
		case obj:
			return v, v.state, nil
		}
		t.Fatalf("bad step %T", s)
		return obj{}, "", nil
	}, &calls
}

// fakeSleep records the requested intervals without sleeping and ends the
// context-bound wait once the simulated time passes the deadline.
type fakeSleep struct {
	slept    []time.Duration
	total    time.Duration
	deadline time.Duration
}

func (f *fakeSleep) sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.slept = append(f.slept, d)
	f.total += d
	if f.deadline > 0 && f.total > f.deadline {
		return context.DeadlineExceeded
	}
	return nil
}

var notFound = &apierr.NotFoundError{Kind: "thing", ID: "1"}

func TestWaitReachesTarget(t *testing.T) {
	refresh, calls := script(t, obj{state: "creating"}, obj{state: "creating"}, obj{state: "available"})
	fs := &fakeSleep{}
	got, err := Conf[obj]{Operation: "creation", Pending: []string{"creating"}, Target: []string{"available"}, Refresh: refresh, sleep: fs.sleep}.Wait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got.state != "available" || *calls != 3 {
		t.Fatalf("got %+v after %d calls", got, *calls)
	}
}

func TestWaitFailureStateCarriesMessage(t *testing.T) {
	refresh, calls := script(t, obj{state: "creating"}, obj{state: "error", msg: "quota exceeded"})
	fs := &fakeSleep{}
	_, err := Conf[obj]{Operation: "consistency group creation", Pending: []string{"creating"}, Target: []string{"available"}, Failure: []string{"error"},
		Refresh: refresh, Message: func(o obj) string { return o.msg }, sleep: fs.sleep}.Wait(context.Background())
	var se *StateError
	if !errors.As(err, &se) || !se.Failed || se.State != "error" {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(err.Error(), "quota exceeded") || *calls != 2 {
		t.Fatalf("err = %v after %d calls", err, *calls)
	}
}

func TestWaitUnexpectedStateFailsAtOnce(t *testing.T) {
	refresh, calls := script(t, obj{state: "modifying", msg: "busy"})
	fs := &fakeSleep{}
	_, err := Conf[obj]{Operation: "x", Pending: []string{"creating"}, Target: []string{"available"}, Refresh: refresh, Message: func(o obj) string { return o.msg }, sleep: fs.sleep}.Wait(context.Background())
	var se *StateError
	if !errors.As(err, &se) || se.Failed || se.State != "modifying" || !strings.Contains(err.Error(), "busy") {
		t.Fatalf("err = %v", err)
	}
	if *calls != 1 {
		t.Fatalf("calls = %d", *calls)
	}
}

func TestWaitNotFound(t *testing.T) {
	t.Run("keep waiting on create", func(t *testing.T) {
		refresh, calls := script(t, notFound, notFound, obj{state: "available"})
		_, err := Conf[obj]{Pending: []string{"creating"}, Target: []string{"available"}, Refresh: refresh, NotFound: NotFoundKeepWaiting, sleep: (&fakeSleep{}).sleep}.Wait(context.Background())
		if err != nil || *calls != 3 {
			t.Fatalf("err = %v, calls = %d", err, *calls)
		}
	})
	t.Run("success on delete", func(t *testing.T) {
		refresh, calls := script(t, obj{state: "deleting"}, notFound)
		_, err := Conf[obj]{Pending: []string{"deleting"}, Refresh: refresh, NotFound: NotFoundIsSuccess, sleep: (&fakeSleep{}).sleep}.Wait(context.Background())
		if err != nil || *calls != 2 {
			t.Fatalf("err = %v, calls = %d", err, *calls)
		}
	})
	t.Run("fails by default", func(t *testing.T) {
		refresh, _ := script(t, notFound)
		_, err := Conf[obj]{Pending: []string{"creating"}, Target: []string{"available"}, Refresh: refresh, sleep: (&fakeSleep{}).sleep}.Wait(context.Background())
		if !apierr.IsNotFound(err) {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestWaitOtherErrorStops(t *testing.T) {
	boom := &apierr.Error{Service: "S", Operation: "GET /x", StatusCode: 500}
	refresh, calls := script(t, boom)
	_, err := Conf[obj]{Pending: []string{"creating"}, Target: []string{"available"}, Refresh: refresh, sleep: (&fakeSleep{}).sleep}.Wait(context.Background())
	if !errors.Is(err, boom) || *calls != 1 {
		t.Fatalf("err = %v, calls = %d", err, *calls)
	}
}

func TestWaitTimeoutReportsLastState(t *testing.T) {
	steps := make([]any, 100)
	for i := range steps {
		steps[i] = obj{state: "creating"}
	}
	refresh, calls := script(t, steps...)
	fs := &fakeSleep{deadline: 10 * time.Second}
	_, err := Conf[obj]{Operation: "creation", Pending: []string{"creating"}, Target: []string{"available"}, Refresh: refresh, sleep: fs.sleep}.Wait(context.Background())
	var te *TimeoutError
	if !errors.As(err, &te) || te.LastState != "creating" || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	// 10 s of simulated time at about a read a second: not a storm.
	if *calls < 5 || *calls > 14 {
		t.Fatalf("calls = %d", *calls)
	}
}

func TestWaitTimeoutBoundsRealContext(t *testing.T) {
	refresh := func(context.Context) (obj, string, error) { return obj{state: "creating"}, "creating", nil }
	_, err := Conf[obj]{Operation: "creation", Pending: []string{"creating"}, Target: []string{"available"}, Refresh: refresh,
		Timeout: time.Millisecond, Schedule: Backoff{Min: time.Microsecond, Max: time.Microsecond, Multiplier: 1}}.Wait(context.Background())
	var te *TimeoutError
	if !errors.As(err, &te) || te.Timeout != time.Millisecond {
		t.Fatalf("err = %v", err)
	}
}

func TestWaitFollowsItsSchedule(t *testing.T) {
	steps := make([]any, 0, 12)
	for range 11 {
		steps = append(steps, obj{state: "creating"})
	}
	steps = append(steps, obj{state: "available"})
	refresh, _ := script(t, steps...)
	fs := &fakeSleep{}
	if _, err := (Conf[obj]{Pending: []string{"creating"}, Target: []string{"available"}, Refresh: refresh, sleep: fs.sleep,
		Schedule: Backoff{Min: 100 * time.Millisecond, Max: time.Second, Multiplier: 2}}).Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	ms := time.Millisecond
	want := []time.Duration{100 * ms, 200 * ms, 400 * ms, 800 * ms, 1000 * ms, 1000 * ms}
	for i, w := range want {
		if fs.slept[i] != w {
			t.Fatalf("slept %v, want it to start %v ms", fs.slept, want)
		}
	}
}

// A timeout shorter than the first sleep still reads once before it, so
// that the error names the state the object was left in.
func TestATimeoutShorterThanTheFirstSleepReadsOnce(t *testing.T) {
	refresh, calls := script(t, obj{state: "creating"}, obj{state: "creating"})
	_, err := Conf[obj]{Operation: "thing 1 to become available", Pending: []string{"creating"}, Target: []string{"available"},
		Refresh: refresh, Timeout: 300 * time.Millisecond}.Wait(context.Background())
	var te *TimeoutError
	if !errors.As(err, &te) || te.LastState != "creating" || *calls != 1 {
		t.Fatalf("%d reads, error %v; want one read and a timeout naming the last state", *calls, err)
	}
}
