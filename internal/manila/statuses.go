package manila

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Statuses of consistency groups and their snapshots (manila.md §1.5, §2.2).
const (
	statusCreating      = "creating"
	statusAvailable     = "available"
	statusDeleting      = "deleting"
	statusError         = "error"
	statusErrorDeleting = "error_deleting"
)

// groupStatuses are every status of a consistency group (manila.md §1.4).
var groupStatuses = []string{statusCreating, statusAvailable, statusDeleting, statusError, statusErrorDeleting}

// resumeTransition plans the end of a transition that an earlier apply
// left unfinished (interrupted, or timed out and untainted, or an import
// of an object in transition), from the status in the state. Both make the
// planned status unknown. A creation returns true: the caller makes the
// attributes its end sets unknown too, so that the plan is an in-place
// update, which waits for the creation; a deletion cannot be kept, and
// replaces the object (its Delete waits for the deletion under way).
func resumeTransition(state types.String, planned *types.String, resp *resource.ModifyPlanResponse) bool {
	switch state.ValueString() {
	case statusCreating:
		*planned = types.StringUnknown()
		return true
	case statusDeleting:
		*planned = types.StringUnknown()
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("status"))
	}
	return false
}

// watcher waits on the status of one kind of object: Manila's objects move
// through creating and deleting, and end in available, in error, or gone.
type watcher[T any] struct {
	// kind names the object in messages: "consistency group".
	kind string
	// op names the object in the kinds of waits, which are op and the
	// operation: "manila.consistency_group" waits "manila.consistency_group.create".
	op string
	// get reads the object; a missing one gives an apierr.NotFoundError.
	get func(ctx context.Context, id string) (*T, error)
	// status returns the object's status.
	status func(*T) string
	// failure are the statuses that end every wait at once.
	failure []string
}

// wait polls object id while its status is pending, until a target status
// (or its disappearance, as notFound says). message, when not nil,
// explains a failure status. It returns the last object read.
func (w watcher[T]) wait(ctx context.Context, id, what, operation string, pending, target []string, notFound wait.NotFound,
	message func(*T) string,
) (*T, error) {
	kind := ""
	if w.op != "" {
		kind = w.op + "." + operation
	}
	return wait.Conf[*T]{
		Kind:      kind,
		Settle:    operation == "settle",
		Operation: w.kind + " " + id + " " + what,
		Pending:   pending,
		Target:    target,
		Failure:   w.failure,
		NotFound:  notFound,
		Message:   message,
		Refresh: func(ctx context.Context) (*T, string, error) {
			obj, err := w.get(ctx, id)
			if err != nil {
				return nil, "", err
			}
			return obj, w.status(obj), nil
		},
	}.Wait(ctx)
}

// untilAvailable waits for a creation to end in available.
func (w watcher[T]) untilAvailable(ctx context.Context, id string, message func(*T) string) (*T, error) {
	return w.wait(ctx, id, "to become available", "create", []string{statusCreating}, []string{statusAvailable}, wait.NotFoundFails, message)
}

// untilDeleted waits, after a delete, while the object is deleting and
// until it is gone; a deletion that fails ends in a failure status, which
// message explains.
func (w watcher[T]) untilDeleted(ctx context.Context, id string, message func(*T) string) error {
	_, err := w.wait(ctx, id, "to be deleted", "delete", []string{statusDeleting}, nil, wait.NotFoundIsSuccess, message)
	return err
}

// deleteWhenSettled deletes object id with del. When Manila refuses because
// the object is in a transitional status (409, manila.md §1.5), it waits for
// that status to end (message explains a failure status meanwhile) and
// deletes once more; an object that disappeared meanwhile needs no delete.
func (w watcher[T]) deleteWhenSettled(ctx context.Context, id string, del func(ctx context.Context, id string) error,
	message func(*T) string,
) error {
	err := del(ctx, id)
	if !isStatusConflict(err) {
		return err
	}
	tflog.Debug(ctx, w.kind+" busy, waiting before deleting", map[string]any{"id": id})
	obj, err := w.wait(ctx, id, "to settle before deletion", "settle", []string{statusCreating, statusDeleting},
		[]string{statusAvailable, statusError}, wait.NotFoundIsSuccess, message)
	if err != nil || obj == nil {
		return err
	}
	return del(ctx, id)
}
