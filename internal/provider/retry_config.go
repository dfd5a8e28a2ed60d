package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/transport"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// retryModel is the provider's retry block: how the HTTP stack of every
// backend repeats a request that failed in a way a retry can fix.
type retryModel struct {
	Attempts types.Int64  `tfsdk:"attempts"`
	MinDelay types.String `tfsdk:"min_delay"`
	MaxDelay types.String `tfsdk:"max_delay"`
}

// Defaults of the retry block, as the transport has them.
const (
	defaultRetryAttempts = 10
	defaultRetryMinDelay = 500 * time.Millisecond
	defaultRetryMaxDelay = 8 * time.Second
	minDelayFloor        = 10 * time.Millisecond
	minPollInterval      = 200 * time.Millisecond
)

func retryBlock() schema.Block {
	return schema.SingleNestedBlock{
		MarkdownDescription: "How every backend's requests are retried after a connection error, a 429 or a 5xx (reads, PUTs and DELETEs; " +
			"POSTs only when the server surely did not act). Each retry is also bounded by the operation's timeout, and a 429's " +
			"`Retry-After` (capped at 30 s) is honoured.",
		Attributes: map[string]schema.Attribute{
			"attempts": schema.Int64Attribute{Optional: true,
				MarkdownDescription: fmt.Sprintf("Retries after the first attempt, 0 to 50; 0 turns retries off. Default %d.", defaultRetryAttempts),
				Validators:          []validator.Int64{int64validator.Between(0, 50)}},
			"min_delay": schema.StringAttribute{Optional: true,
				MarkdownDescription: fmt.Sprintf("The first wait between attempts, a duration such as `500ms`; at least %s. Default `%s`. "+
					"Each further wait doubles, with jitter, up to `max_delay`.", minDelayFloor, defaultRetryMinDelay),
				Validators: []validator.String{durationValidator{min: minDelayFloor}}},
			"max_delay": schema.StringAttribute{Optional: true,
				MarkdownDescription: fmt.Sprintf("The longest wait between attempts, such as `8s`; at least `min_delay`. Default `%s`.", defaultRetryMaxDelay),
				Validators:          []validator.String{durationValidator{min: minDelayFloor}}},
		},
	}
}

func pollIntervalAttribute() schema.Attribute {
	return schema.StringAttribute{Optional: true,
		MarkdownDescription: fmt.Sprintf("The longest wait between two reads of an object that is changing (an SDRS job, an AppMirror "+
			"establishing, a Manila group being created), a duration of at least %s such as `10s`. By default the provider polls "+
			"every second for a minute, the first time a second after the start, then every 5 %% of the time waited so far "+
			"(waits of one kind learn its length and poll near the expected end); this caps that.", minPollInterval),
		Validators: []validator.String{durationValidator{min: minPollInterval}}}
}

// transportOptions returns the retry settings for every backend's stack.
func (m *retryModel) transportOptions() (transport.Options, error) {
	var o transport.Options
	if m == nil {
		return o, nil
	}
	if !m.Attempts.IsNull() && !m.Attempts.IsUnknown() {
		o.RetryMax = int(m.Attempts.ValueInt64())
		if o.RetryMax == 0 {
			o.RetryMax = -1 // the transport's "no retry"
		}
	}
	var err error
	if o.RetryWaitMin, err = optionalDuration(m.MinDelay); err != nil {
		return o, err
	}
	if o.RetryWaitMax, err = optionalDuration(m.MaxDelay); err != nil {
		return o, err
	}
	if o.RetryWaitMin > 0 && o.RetryWaitMax > 0 && o.RetryWaitMax < o.RetryWaitMin {
		return o, fmt.Errorf("retry.max_delay (%s) is shorter than retry.min_delay (%s)", o.RetryWaitMax, o.RetryWaitMin)
	}
	return o, nil
}

func optionalDuration(v types.String) (time.Duration, error) {
	if v.IsNull() || v.IsUnknown() {
		return 0, nil
	}
	return time.ParseDuration(v.ValueString())
}

// durationValidator accepts a Go duration of at least min.
type durationValidator struct{ min time.Duration }

func (v durationValidator) Description(context.Context) string {
	return fmt.Sprintf("a duration such as 10s, at least %s", v.min)
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	d, err := time.ParseDuration(req.ConfigValue.ValueString())
	switch {
	case err != nil:
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration",
			fmt.Sprintf("%s: %q is not a duration such as 500ms, 10s or 2m.", req.Path, req.ConfigValue.ValueString()))
	case d < v.min:
		resp.Diagnostics.AddAttributeError(req.Path, "Duration too short",
			fmt.Sprintf("%s is %s; it must be at least %s.", req.Path, d, v.min))
	}
}
