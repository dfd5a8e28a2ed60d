package wait

import (
	"strings"

	"context"
	"errors"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"testing"
	"time"
)

// gone is Gone with the test's sleeper.
func gone(f *fakeSleep, get func(context.Context) error) error {
	c := Gone("thing 1 to be deleted", get)
	c.sleep = f.sleep
	_, err := c.Wait(context.Background())
	return err
}

func TestGoneEndsOnNotFound(t *testing.T) {
	answers := []error{nil, nil, notFound}
	calls := 0
	err := gone(&fakeSleep{}, func(context.Context) error {
		calls++
		return answers[calls-1]
	})
	if err != nil || calls != 3 {
		t.Fatalf("err = %v after %d reads, want nil after 3", err, calls)
	}
}

func TestGoneStopsOnOtherErrors(t *testing.T) {
	boom := errors.New("HTTP 500")
	calls := 0
	err := gone(&fakeSleep{}, func(context.Context) error {
		calls++
		return boom
	})
	if !errors.Is(err, boom) || calls != 1 {
		t.Fatalf("err = %v after %d reads, want the read's error after 1", err, calls)
	}
}

func TestGoneTimesOutWhileTheObjectStays(t *testing.T) {
	err := gone(&fakeSleep{deadline: 3 * time.Second}, func(context.Context) error { return nil })
	var te *TimeoutError
	if !errors.As(err, &te) || te.LastState != StatePresent || te.Operation != "thing 1 to be deleted" {
		t.Fatalf("err = %#v, want a TimeoutError for the deletion with the last state present", err)
	}
}

func TestUntilGoneReturnsAtOnceWhenAlreadyGone(t *testing.T) {
	if err := UntilGone(context.Background(), "", "thing 1 to be deleted", func(context.Context) error { return notFound }); err != nil {
		t.Fatal(err)
	}
}

func TestACancelledWaitIsInterruptedNotTimedOut(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	c := Conf[struct{}]{Operation: "thing 1 to be created", Pending: []string{"creating"}, Target: []string{"available"},
		Refresh: func(context.Context) (struct{}, string, error) { cancel(); return struct{}{}, "creating", nil },
		sleep:   (&fakeSleep{}).sleep}
	_, err := c.Wait(ctx)
	var ie *InterruptedError
	if !errors.As(err, &ie) || ie.LastState != "creating" || !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "interrupted") {
		t.Fatalf("err = %#v, want an InterruptedError after state creating", err)
	}
	var te *TimeoutError
	if errors.As(err, &te) {
		t.Fatal("an interruption reported as a timeout")
	}
}

func TestATimeoutNamesTheConfiguredTimeout(t *testing.T) {
	var diags diag.Diagnostics
	ctx, cancel, _ := deadline.Bound(context.Background(), func(context.Context, time.Duration) (time.Duration, diag.Diagnostics) {
		return 90 * time.Second, nil
	}, time.Minute, &diags)
	defer cancel()
	c := Conf[struct{}]{Operation: "thing 1 to be created", Pending: []string{"creating"}, Target: []string{"available"},
		Refresh: func(context.Context) (struct{}, string, error) { return struct{}{}, "creating", nil },
		sleep:   (&fakeSleep{deadline: time.Second}).sleep}
	_, err := c.Wait(ctx)
	if err == nil || !strings.Contains(err.Error(), "timeout of 1m30s") || !strings.Contains(err.Error(), `last state "creating"`) {
		t.Fatalf("err = %v, want the timeout, the operation and the last state named", err)
	}
}
