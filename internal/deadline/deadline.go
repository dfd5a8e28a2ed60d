// Package deadline bounds each resource operation, its API calls, retries
// and waits included, by the operation's timeout.
package deadline

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Getter resolves one operation's timeout: a method value of the resource's
// timeouts attribute such as plan.Timeouts.Create.
type Getter func(ctx context.Context, def time.Duration) (time.Duration, diag.Diagnostics)

// Bound returns ctx bounded by the operation's timeout: the configured
// value, or def when none is configured. ok is false when the configured
// value is invalid; the error is then in diags.
func Bound(ctx context.Context, get Getter, def time.Duration, diags *diag.Diagnostics) (context.Context, context.CancelFunc, bool) {
	timeout, d := get(ctx, def)
	diags.Append(d...)
	if d.HasError() {
		return ctx, func() {}, false
	}
	bounded, cancel := context.WithTimeout(context.WithValue(ctx, timeoutKey{}, timeout), timeout)
	return bounded, cancel, true
}

type timeoutKey struct{}

// Timeout returns the timeout Bound put on ctx, so that an error can name
// the configured value and not only say that a deadline passed.
func Timeout(ctx context.Context) (time.Duration, bool) {
	d, ok := ctx.Value(timeoutKey{}).(time.Duration)
	return d, ok
}
