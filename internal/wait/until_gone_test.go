package wait

import (
	"context"
	"errors"
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
	if err := UntilGone(context.Background(), "thing 1 to be deleted", func(context.Context) error { return notFound }); err != nil {
		t.Fatal(err)
	}
}
