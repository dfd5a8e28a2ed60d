package apierr

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// AddError adds err to diags as an error that names the object and the
// action ("creating continuity_astra_hook_source \"x\""), carries the API's
// own code and message, and says what to do.
func AddError(diags *diag.Diagnostics, action, typeName, id string, err error) {
	summary := fmt.Sprintf("Error %s %s", action, typeName)
	if id != "" {
		summary = fmt.Sprintf("Error %s %s %q", action, typeName, id)
	}
	diags.AddError(summary, Detail(err))
}

// Detail renders err for a diagnostic: the error, then the advice.
func Detail(err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return err.Error() + "\n\nThe operation did not finish within its timeout; raise the resource's timeouts or check the API."
	case errors.Is(err, context.Canceled):
		return err.Error() + "\n\nTerraform was interrupted before the API answered; apply again to resume."
	}
	var e *Error
	if errors.As(err, &e) {
		if advice := e.Advice(); advice != "" {
			return err.Error() + "\n\n" + advice
		}
	}
	return err.Error()
}
