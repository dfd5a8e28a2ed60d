package adopt

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

func noSleep(context.Context, time.Duration) error { return nil }

var (
	errLost     = fmt.Errorf("%s API POST /x: %w", "Astra Control", &url.Error{Op: "Post", URL: "http://x", Err: io.EOF})
	errReset    = &url.Error{Op: "Post", URL: "http://x", Err: &net.OpError{Op: "read", Err: syscall.ECONNRESET}}
	errRefused  = &url.Error{Op: "Post", URL: "http://x", Err: &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}}
	errGateway  = &apierr.Error{Service: "S", Operation: "POST /x", StatusCode: 502}
	errConflict = &apierr.Error{Service: "S", Operation: "POST /x", StatusCode: 409}
	errThrottle = &apierr.Error{Service: "S", Operation: "POST /x", StatusCode: 429}
)

func TestUnsure(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{nil, false}, {errLost, true}, {errReset, true}, {errGateway, true}, {&apierr.Error{StatusCode: 500}, true},
		{&apierr.Error{StatusCode: 501}, false}, {errConflict, false}, {errThrottle, false}, {errRefused, false},
		{context.Canceled, false}, {fmt.Errorf("x: %w", context.DeadlineExceeded), false}, {errors.New("decoding answer"), false},
	} {
		if got := Unsure(tc.err); got != tc.want {
			t.Errorf("Unsure(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

// fakeAPI is a server whose answers to creates get errLost on demand.
type fakeAPI struct {
	objects []string
	outcome []error // per create: nil, or the error the client sees (after the server acted when acted[i])
	acted   []bool
	creates int
}

func (f *fakeAPI) create(context.Context) (string, error) {
	i := f.creates
	f.creates++
	if i < len(f.outcome) && f.outcome[i] != nil {
		if f.acted[i] {
			f.objects = append(f.objects, "obj")
		}
		return "", f.outcome[i]
	}
	f.objects = append(f.objects, "obj")
	return "obj", nil
}

func (f *fakeAPI) find(context.Context, time.Time) (string, bool, error) {
	if len(f.objects) > 0 {
		return f.objects[0], true, nil
	}
	return "", false, nil
}

func (f *fakeAPI) conf() Create[string] {
	return Create[string]{Operation: "thing", Create: f.create, Find: f.find, sleep: noSleep}
}

func TestCreateAdoptsWhatALostAnswerMade(t *testing.T) {
	f := &fakeAPI{outcome: []error{errReset}, acted: []bool{true}}
	obj, adopted, err := f.conf().Do(context.Background())
	if err != nil || !adopted || obj != "obj" || len(f.objects) != 1 || f.creates != 1 {
		t.Fatalf("obj %q adopted %v err %v; %d objects after %d creates, want 1 after 1", obj, adopted, err, len(f.objects), f.creates)
	}
}

func TestCreateRepeatsWhenTheServerDidNotAct(t *testing.T) {
	f := &fakeAPI{outcome: []error{errGateway, errLost}, acted: []bool{false, false}}
	obj, adopted, err := f.conf().Do(context.Background())
	if err != nil || adopted || obj != "obj" || len(f.objects) != 1 || f.creates != 3 {
		t.Fatalf("obj %q adopted %v err %v; %d objects after %d creates, want 1 after 3", obj, adopted, err, len(f.objects), f.creates)
	}
}

func TestCreateReturnsSureErrorsAtOnce(t *testing.T) {
	f := &fakeAPI{outcome: []error{errConflict}, acted: []bool{false}}
	if _, _, err := f.conf().Do(context.Background()); !errors.Is(err, errConflict) || f.creates != 1 {
		t.Fatalf("err %v after %d creates", err, f.creates)
	}
}

func TestCreateGivesUpAfterItsAttempts(t *testing.T) {
	f := &fakeAPI{outcome: []error{errGateway, errGateway, errGateway}, acted: []bool{false, false, false}}
	c := f.conf()
	c.Attempts = 3
	_, _, err := c.Do(context.Background())
	if !errors.Is(err, errGateway) || !strings.Contains(err.Error(), "after 3 attempts") || f.creates != 3 {
		t.Fatalf("err %v after %d creates", err, f.creates)
	}
}

func TestCreateReportsAFailedLookUp(t *testing.T) {
	c := Create[string]{Operation: "thing", sleep: noSleep,
		Create: func(context.Context) (string, error) { return "", errLost },
		Find:   func(context.Context, time.Time) (string, bool, error) { return "", false, errGateway }}
	if _, _, err := c.Do(context.Background()); !errors.Is(err, errLost) || !errors.Is(err, errGateway) || !strings.Contains(err.Error(), "was made anyway") {
		t.Fatalf("err %v", err)
	}
}

func TestCreateStopsWhenTheContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	f := &fakeAPI{outcome: []error{errGateway, errGateway}, acted: []bool{false, false}}
	c := f.conf()
	c.sleep = func(ctx context.Context, _ time.Duration) error { cancel(); return ctx.Err() }
	if _, _, err := c.Do(ctx); !errors.Is(err, context.Canceled) || f.creates != 1 {
		t.Fatalf("err %v after %d creates", err, f.creates)
	}
}

func TestActionChecksBeforeRepeating(t *testing.T) {
	for _, tc := range []struct {
		name     string
		answers  []error
		applied  bool
		wantSent int
		wantErr  error
	}{
		{"errLost but applied", []error{errReset}, true, 1, nil},
		{"errLost and not applied", []error{errGateway, nil}, false, 2, nil},
		{"errRefused", []error{errConflict}, false, 1, errConflict},
	} {
		sent := 0
		a := Action{Operation: "start", sleep: noSleep,
			Do: func(context.Context) error {
				sent++
				return tc.answers[sent-1]
			},
			Applied: func(context.Context) (bool, error) { return tc.applied, nil }}
		err := a.Run(context.Background())
		if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil && err != nil) || sent != tc.wantSent {
			t.Errorf("%s: err %v after %d requests, want %v after %d", tc.name, err, sent, tc.wantErr, tc.wantSent)
		}
	}
}

func TestBackoffGrowsAndIsCapped(t *testing.T) {
	if backoff(1) != 500*time.Millisecond || backoff(2) != time.Second || backoff(10) != 8*time.Second {
		t.Errorf("backoff: %v %v %v", backoff(1), backoff(2), backoff(10))
	}
}

func TestAnInterruptedCreateKeepsWhatTheServerMade(t *testing.T) {
	for _, made := range []bool{true, false} {
		ctx, cancel := context.WithCancel(context.Background())
		f := &fakeAPI{}
		c := Create[string]{Operation: "thing", sleep: noSleep, Find: f.find,
			Create: func(context.Context) (string, error) {
				if made {
					f.objects = append(f.objects, "obj")
				}
				cancel()
				return "", fmt.Errorf("POST /x: %w", context.Canceled)
			}}
		obj, adopted, err := c.Do(ctx)
		switch {
		case made && (err != nil || !adopted || obj != "obj"):
			t.Errorf("made: %q %v %v, want the object adopted", obj, adopted, err)
		case !made && !errors.Is(err, context.Canceled):
			t.Errorf("not made: %v, want the interruption", err)
		}
	}
}
