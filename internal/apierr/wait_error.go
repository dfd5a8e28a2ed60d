package apierr

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Phase is the resource operation in which a wait ended early.
type Phase int

// The phases of AddWaitError.
const (
	PhaseCreate Phase = iota
	PhaseUpdate
	PhaseDelete
)

// Interrupted reports whether err says that Terraform was interrupted
// (Ctrl-C: the provider's context was cancelled), not that a timeout passed.
func Interrupted(err error) bool { return errors.Is(err, context.Canceled) }

// TimedOut reports whether err says that the operation's timeout passed.
func TimedOut(err error) bool { return errors.Is(err, context.DeadlineExceeded) }

// AddWaitError reports a wait that ended without its target state, after
// the object's state was saved. It tells the user what happened and how to
// continue:
//
//   - interrupted during create or update: a warning, not an error, so that
//     Terraform keeps the object in the state untainted; the next apply
//     resumes the transition in place;
//   - interrupted during delete: an error (the object must stay in the
//     state); the next destroy or apply resumes the deletion;
//   - timed out during create: an error, so the object is kept as tainted;
//     `terraform untaint` keeps it and the next apply resumes waiting,
//     otherwise the next apply replaces it;
//   - timed out during update or delete: an error; the next apply resumes;
//   - anything else: AddError.
func AddWaitError(diags *diag.Diagnostics, phase Phase, action, typeName, id string, err error) {
	subject := fmt.Sprintf("%s %q", typeName, id)
	switch {
	case Interrupted(err) && phase != PhaseDelete:
		diags.AddWarning(fmt.Sprintf("Interrupted while %s %s", action, subject),
			fmt.Sprintf("%s\n\nTerraform was interrupted while the provider waited. The object exists and is in the state, not tainted; "+
				"its last state was saved. The next terraform apply resumes the unfinished transition in place.", err))
	case Interrupted(err):
		diags.AddError(fmt.Sprintf("Interrupted while %s %s", action, subject),
			fmt.Sprintf("%s\n\nTerraform was interrupted while the provider waited for the deletion. The object stays in the state; "+
				"run terraform destroy (or apply) again to resume the deletion.", err))
	case TimedOut(err) && phase == PhaseCreate:
		diags.AddError(fmt.Sprintf("Timeout while %s %s", action, subject),
			fmt.Sprintf("%s\n\nThe object exists and Terraform keeps it in the state as tainted. To keep it, run "+
				"`terraform untaint <address of this %s>` and apply again: the provider resumes waiting for it. Otherwise the next "+
				"apply replaces it. To wait longer, raise timeouts.create.", err, typeName))
	case TimedOut(err):
		verb, attr := "updating", "timeouts.update"
		if phase == PhaseDelete {
			verb, attr = "deletion", "timeouts.delete"
		}
		diags.AddError(fmt.Sprintf("Timeout while %s %s", action, subject),
			fmt.Sprintf("%s\n\nThe object stays in the state with its last known values; apply again to resume waiting for the %s, "+
				"or raise %s.", err, verb, attr))
	default:
		AddError(diags, action, typeName, id, err)
	}
}
