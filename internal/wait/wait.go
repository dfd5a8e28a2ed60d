// Package wait is the one waiter every asynchronous operation uses: it polls
// a refresh function until the object reaches a target state, fails at once
// on a failure or unexpected state with the API's status message, treats
// "not found" as the caller says, and stops at the deadline of the
// resource's timeout.
package wait

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// NotFound says what a "not found" answer from Refresh means.
type NotFound int

const (
	// NotFoundFails ends the wait with the not-found error (the default).
	NotFoundFails NotFound = iota
	// NotFoundKeepWaiting polls again, e.g. while a new object becomes visible.
	NotFoundKeepWaiting
	// NotFoundIsSuccess ends the wait successfully, e.g. after a delete.
	NotFoundIsSuccess
)

// RefreshFunc reads the object once and returns it with its current state.
// It returns an error for which apierr.IsNotFound is true when the object
// does not exist.
type RefreshFunc[T any] func(ctx context.Context) (T, string, error)

// Conf describes one wait.
type Conf[T any] struct {
	// Operation names what is awaited, for messages: "hook source deletion".
	Operation string
	// Pending are the states in which to keep polling.
	Pending []string
	// Target are the states that end the wait successfully. An empty Target
	// with NotFoundIsSuccess waits for the object to disappear.
	Target []string
	// Failure are the states that end the wait with a StateError at once.
	Failure []string
	// Refresh reads the object.
	Refresh RefreshFunc[T]
	// Message returns the API's status message for an object, if any.
	Message func(T) string
	// NotFound says what a not-found answer means.
	NotFound NotFound
	// Timeout bounds the whole wait; zero leaves only the context's deadline.
	Timeout time.Duration
	// Schedule decides the sleep before each poll; nil is the package's
	// schedule (Default, or the one UseScheduleFromEnv chose).
	Schedule Schedule
	// Settle says that the object may be in a target state already: the
	// wait is for an operation under way to end before the caller acts, so
	// the first read comes at once (and, when it finds no operation under
	// way, teaches the kind nothing).
	Settle bool
	// Kind names the kind of transition, such as
	// "sdrs.protection_group.create". Waits of one kind learn from each
	// other how long it takes in this run (Terraform applies many objects of
	// one kind at once), and read only around the expected end: a few reads,
	// however long the wait. Empty: no learning.
	Kind string

	// sleep waits for d or until ctx ends; tests replace it.
	sleep func(ctx context.Context, d time.Duration) error
	// elapsed returns the time since the wait started; tests replace it.
	elapsed func(start time.Time) time.Duration
}

// StateError reports that the object reached a failure state or a state the
// caller did not expect.
type StateError struct {
	Operation string
	State     string
	Expected  []string
	Message   string
	Failed    bool
}

func (e *StateError) Error() string {
	var s string
	if e.Failed {
		s = fmt.Sprintf("%s failed: state %q", e.Operation, e.State)
	} else {
		s = fmt.Sprintf("%s: unexpected state %q, wanted %q", e.Operation, e.State, e.Expected)
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// TimeoutError reports that the deadline passed before a target state.
type TimeoutError struct {
	Operation string
	LastState string
	Expected  []string
	Timeout   time.Duration
	Cause     error
}

func (e *TimeoutError) Error() string {
	s := fmt.Sprintf("timeout while waiting for %s", e.Operation)
	if e.Timeout > 0 {
		s += fmt.Sprintf(" (the timeout of %s passed)", e.Timeout)
	}
	if e.LastState != "" {
		s += fmt.Sprintf(": last state %q, wanted %q", e.LastState, e.Expected)
	}
	return s
}

// Unwrap returns the context's error.
func (e *TimeoutError) Unwrap() error { return e.Cause }

// InterruptedError reports that the wait was stopped before a target state
// because Terraform was interrupted (Ctrl-C, SIGINT): the context was
// cancelled, not timed out. The object is left as it was, and the next
// apply can resume the wait.
type InterruptedError struct {
	Operation string
	LastState string
	Expected  []string
	Cause     error
}

func (e *InterruptedError) Error() string {
	s := fmt.Sprintf("interrupted while waiting for %s", e.Operation)
	if e.LastState != "" {
		s += fmt.Sprintf(": last state %q, wanted %q", e.LastState, e.Expected)
	}
	return s
}

// Unwrap returns the context's error (context.Canceled).
func (e *InterruptedError) Unwrap() error { return e.Cause }

// Wait polls until a target state, a failure, or the deadline. It returns the
// last object read.
func (c Conf[T]) Wait(ctx context.Context) (T, error) {
	var zero T
	if c.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.Timeout)
		defer cancel()
	}
	sleep := c.sleep
	if sleep == nil {
		sleep = sleepCtx
	}
	schedule := c.schedule()
	if expected, ok := durations.expect(c.Kind); ok {
		schedule = nearEnd{base: schedule, end: expected}
	}
	start := time.Now()
	// prev and read are when the poll before this one and this one read: a
	// transition this poll sees ended between them, which is what the next
	// waits of its kind learn.
	var prev, read time.Duration
	last := ""
	timedOut := func(cause error) error {
		if errors.Is(cause, context.Canceled) {
			return &InterruptedError{Operation: c.Operation, LastState: last, Expected: c.Target, Cause: cause}
		}
		timeout := c.Timeout
		if bound, ok := deadline.Timeout(ctx); ok && timeout == 0 {
			timeout = bound
		}
		return &TimeoutError{Operation: c.Operation, LastState: last, Expected: c.Target, Timeout: timeout, Cause: cause}
	}
	// lastRead is whether the read just before the deadline has been made.
	lastRead := false
	for polls := 1; ; polls++ {
		if polls == 1 && c.Settle {
			if err := ctx.Err(); err != nil {
				return zero, timedOut(err)
			}
		} else if err := sleep(ctx, beforeDeadline(ctx, capped(schedule.Next(polls, c.since(start))), &lastRead)); err != nil {
			return zero, timedOut(err)
		}
		prev, read = read, c.since(start)

		obj, state, err := c.Refresh(ctx)
		switch {
		case err != nil && apierr.IsNotFound(err):
			switch c.NotFound {
			case NotFoundIsSuccess:
				durations.saw(c.Kind, schedule, polls, c.Settle, prev, read)
				return zero, nil
			case NotFoundKeepWaiting:
				tflog.Debug(ctx, "waiting: object not found yet", map[string]any{"operation": c.Operation, "poll": polls})
				continue
			}
			return zero, err
		case err != nil:
			if ctx.Err() != nil {
				return zero, timedOut(errors.Join(ctx.Err(), err))
			}
			return zero, err
		}
		last = state
		tflog.Debug(ctx, "waiting", map[string]any{"operation": c.Operation, "state": state, "poll": polls})
		switch {
		case slices.Contains(c.Target, state):
			durations.saw(c.Kind, schedule, polls, c.Settle, prev, read)
			if l, ok := schedule.(lingerer); ok && l.Linger() > 0 {
				_ = sleep(ctx, l.Linger())
			}
			return obj, nil
		case slices.Contains(c.Failure, state):
			return obj, &StateError{Operation: c.Operation, State: state, Expected: c.Target, Message: c.message(obj), Failed: true}
		case !slices.Contains(c.Pending, state):
			return obj, &StateError{Operation: c.Operation, State: state, Expected: c.Target, Message: c.message(obj)}
		}
	}
}

// lastReadLead is how long before the deadline a wait reads once more
// when its next read would come after it.
const lastReadLead = 200 * time.Millisecond

// beforeDeadline shortens a sleep d that would end after the context's
// deadline, once, so that the wait reads once more before it gives up: a
// timeout then names the last state, even one shorter than the first
// sleep.
func beforeDeadline(ctx context.Context, d time.Duration, lastRead *bool) time.Duration {
	end, ok := ctx.Deadline()
	if !ok || *lastRead {
		return d
	}
	if left := time.Until(end) - lastReadLead; left < d {
		*lastRead = true
		return max(left, 0)
	}
	return d
}

func (c Conf[T]) message(obj T) string {
	if c.Message == nil {
		return ""
	}
	return c.Message(obj)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// UntilGone polls get until it answers "not found" (apierr.IsNotFound), as
// after a delete whose removal the API finishes later. Any other error ends
// the wait; a nil error means the object is still there. kind names the
// kind of deletion for learning ("astra.hook_source.delete", see
// Conf.Kind), operation the wait for messages ("hook source 1 to be
// deleted"); the context's deadline (the resource's delete timeout) bounds
// it.
func UntilGone(ctx context.Context, kind, operation string, get func(ctx context.Context) error) error {
	c := Gone(operation, get)
	c.Kind = kind
	_, err := c.Wait(ctx)
	return err
}

// Gone is the wait of UntilGone, for callers that shape it further.
func Gone(operation string, get func(ctx context.Context) error) Conf[struct{}] {
	return Conf[struct{}]{
		Operation: operation,
		Pending:   []string{StatePresent},
		NotFound:  NotFoundIsSuccess,
		Refresh: func(ctx context.Context) (struct{}, string, error) {
			return struct{}{}, StatePresent, get(ctx)
		},
	}
}

// StatePresent is the state Gone gives an object that still exists.
const StatePresent = "present"

func (c Conf[T]) schedule() Schedule {
	if c.Schedule != nil {
		return c.Schedule
	}
	return packageSchedule()
}

func (c Conf[T]) since(start time.Time) time.Duration {
	if c.elapsed != nil {
		return c.elapsed(start)
	}
	return time.Since(start)
}
