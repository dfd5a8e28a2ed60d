// Package adopt makes non-idempotent requests safe to repeat. A create or an
// action sent over a connection that broke, or answered with a 5xx, may or
// may not have been carried out by the server: repeating it blindly can
// make a second object (a second AppMirror re-sends a whole application's
// data). Create and Action first ask the API whether the first attempt took
// effect (the object exists, the action's state change began) and adopt it;
// only when it did not do they send the request again.
package adopt

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"syscall"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Unsure reports whether err leaves it unknown whether the server acted on
// the request: the connection broke after the request was sent, or a 5xx
// came back (a server or gateway failing, perhaps after the change was
// made). An answer of 4xx or 429, a connection that was never made, and a
// cancelled or expired context are sure: the server did not act, or the
// caller gave up.
func Unsure(err error) bool {
	switch {
	case err == nil, errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false
	}
	if code := apierr.StatusCode(err); code != 0 {
		return code >= 500 && code != http.StatusNotImplemented
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && (opErr.Op == "dial" || opErr.Op == "proxyconnect") {
		return false
	}
	var netErr net.Error
	return errors.As(err, &netErr) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}

// defaultAttempts bounds the requests Create and Action send: under an API
// that fails 30 % of them, 10 attempts leave about one in 170,000 failed;
// the operation's timeout bounds them too.
const defaultAttempts = 10

// Create describes a create that has no idempotency token.
type Create[T any] struct {
	// Operation names the create for logs and errors: `hook source "x"`.
	Operation string
	// Create sends the request once.
	Create func(ctx context.Context) (T, error)
	// Find looks for the object the create would have made, by the
	// attributes that identify it (a unique name; or a name and a creation
	// time not before since, the time the first request was sent). It
	// returns false when there is none.
	Find func(ctx context.Context, since time.Time) (T, bool, error)
	// Attempts bounds the creates sent (default 10, and the context).
	Attempts int
	// sleep waits between attempts; tests replace it.
	sleep func(ctx context.Context, d time.Duration) error
}

// Do runs the create. It returns the object and whether it was adopted
// (made by an earlier attempt whose answer was lost) rather than created.
func (c Create[T]) Do(ctx context.Context) (T, bool, error) {
	var zero T
	since := time.Now().Add(-time.Second) // the server's clock may lag ours a little
	attempts := c.Attempts
	if attempts <= 0 {
		attempts = defaultAttempts
	}
	var err error
	for attempt := 1; ; attempt++ {
		var obj T
		obj, err = c.Create(ctx)
		if err == nil {
			return obj, false, nil
		}
		if errors.Is(err, context.Canceled) {
			// Interrupted (Ctrl-C) while the request was out: the server may
			// have made the object. Look once, on a short context of its
			// own, so that an object made is in the state, not orphaned.
			return c.findAfterInterruption(ctx, since, err)
		}
		if !Unsure(err) {
			return zero, false, err
		}
		found, ok, ferr := c.Find(ctx, since)
		if ferr != nil {
			return zero, false, fmt.Errorf("%w; looking up whether %s was made anyway failed: %w", err, c.Operation, ferr)
		}
		if ok {
			tflog.Info(ctx, "adopted the object of a create whose answer was lost", map[string]any{"operation": c.Operation, "cause": err.Error()})
			return found, true, nil
		}
		if attempt >= attempts {
			return zero, false, fmt.Errorf("%w (after %d attempts; no such object was made)", err, attempt)
		}
		tflog.Debug(ctx, "create failed before the server acted; creating again", map[string]any{"operation": c.Operation, "attempt": attempt, "cause": err.Error()})
		if serr := c.wait(ctx, attempt); serr != nil {
			return zero, false, errors.Join(err, serr)
		}
	}
}

// interruptedLookup bounds the look-up after an interrupted create.
const interruptedLookup = 10 * time.Second

func (c Create[T]) findAfterInterruption(ctx context.Context, since time.Time, cause error) (T, bool, error) {
	var zero T
	lookup, cancel := context.WithTimeout(context.WithoutCancel(ctx), interruptedLookup)
	defer cancel()
	found, ok, err := c.Find(lookup, since)
	if err != nil || !ok {
		return zero, false, cause
	}
	tflog.Info(ctx, "interrupted during a create: adopted the object it made", map[string]any{"operation": c.Operation})
	return found, true, nil
}

func (c Create[T]) wait(ctx context.Context, attempt int) error {
	sleep := c.sleep
	if sleep == nil {
		sleep = sleepCtx
	}
	return sleep(ctx, backoff(attempt))
}

// Action describes a state change sent without an idempotency token, such
// as "start protection" or "fail over".
type Action struct {
	// Operation names the action for logs and errors.
	Operation string
	// Do sends the request once.
	Do func(ctx context.Context) error
	// Applied reports whether the action took effect: the object is in the
	// state the action leads through or to.
	Applied func(ctx context.Context) (bool, error)
	// Attempts bounds the requests sent (default 10, and the context).
	Attempts int
	sleep    func(ctx context.Context, d time.Duration) error
}

// Run sends the action until it is sure to have been carried out.
func (a Action) Run(ctx context.Context) error {
	attempts := a.Attempts
	if attempts <= 0 {
		attempts = defaultAttempts
	}
	for attempt := 1; ; attempt++ {
		err := a.Do(ctx)
		if !Unsure(err) {
			return err
		}
		applied, aerr := a.Applied(ctx)
		if aerr != nil {
			return fmt.Errorf("%w; checking whether %s took effect anyway failed: %w", err, a.Operation, aerr)
		}
		if applied {
			tflog.Info(ctx, "the action took effect although its answer was lost", map[string]any{"operation": a.Operation, "cause": err.Error()})
			return nil
		}
		if attempt >= attempts {
			return fmt.Errorf("%w (after %d attempts; the action did not take effect)", err, attempt)
		}
		sleep := a.sleep
		if sleep == nil {
			sleep = sleepCtx
		}
		if serr := sleep(ctx, backoff(attempt)); serr != nil {
			return errors.Join(err, serr)
		}
	}
}

// backoff is the wait after the attempt-th failure: 0.5 s, 1 s, 2 s, ... 8 s.
func backoff(attempt int) time.Duration {
	d := 500 * time.Millisecond
	for i := 1; i < attempt && d < 8*time.Second; i++ {
		d *= 2
	}
	return min(d, 8*time.Second)
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
