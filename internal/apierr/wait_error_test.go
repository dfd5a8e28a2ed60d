package apierr

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

func TestAddWaitErrorSaysInterruptedOrTimeoutAndWhatToDo(t *testing.T) {
	interrupted := fmt.Errorf("interrupted while waiting for x: %w", context.Canceled)
	timedOut := fmt.Errorf("timeout while waiting for x (the timeout of 1s passed): %w", context.DeadlineExceeded)
	for _, tc := range []struct {
		name    string
		phase   Phase
		err     error
		isError bool
		want    []string
		notWant string
	}{
		{"interrupted create", PhaseCreate, interrupted, false, []string{"Interrupted", "not tainted", "resumes"}, "timeout"},
		{"interrupted update", PhaseUpdate, interrupted, false, []string{"Interrupted", "resumes"}, "timeout"},
		{"interrupted delete", PhaseDelete, interrupted, true, []string{"Interrupted", "resume the deletion"}, "timeout"},
		{"timed-out create", PhaseCreate, timedOut, true, []string{"Timeout", "tainted", "terraform untaint", "replaces it", "timeouts.create"}, "nterrupted"},
		{"timed-out update", PhaseUpdate, timedOut, true, []string{"Timeout", "timeouts.update"}, "nterrupted"},
		{"timed-out delete", PhaseDelete, timedOut, true, []string{"Timeout", "timeouts.delete"}, "nterrupted"},
		{"API error", PhaseCreate, &Error{Service: "S", Operation: "GET /x", StatusCode: 500}, true, []string{"Error waiting", "HTTP 500"}, "nterrupted"},
	} {
		var diags diag.Diagnostics
		AddWaitError(&diags, tc.phase, "waiting", "continuity_x", "1", tc.err)
		if len(diags) != 1 || diags.HasError() != tc.isError {
			t.Errorf("%s: diagnostics %v, want one with error=%v", tc.name, diags, tc.isError)
			continue
		}
		text := diags[0].Summary() + "\n" + diags[0].Detail()
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q lacks %q", tc.name, text, w)
			}
		}
		if strings.Contains(text, tc.notWant) {
			t.Errorf("%s: %q says %q", tc.name, text, tc.notWant)
		}
	}
}
