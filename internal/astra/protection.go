package astra

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// What continuity_astra_snapshot and continuity_astra_backup share: both
// belong to an app, are taken on demand and waited on until completed,
// have no update (every attribute replaces them), and are deleted
// asynchronously.

// protectionTransitional are the states of a snapshot or a backup being
// taken. "ready", in no enum, was seen on real servers for both while
// under way (astra.md §13.3).
var protectionTransitional = []string{SnapshotPending, SnapshotDiscovering, SnapshotRunning, "ready", "unknown"}

// protectionWait describes the wait of one snapshot or backup.
type protectionWait[T any] struct {
	what string // "snapshot", "backup"
	get  func(ctx context.Context) (T, error)
	// state and message read an object.
	state   func(T) string
	message func(T) string
}

// refresh reads the object for a waiter.
func (p protectionWait[T]) refresh(ctx context.Context) (T, string, error) {
	obj, err := p.get(ctx)
	if err != nil {
		var zero T
		return zero, "", err
	}
	return obj, p.state(obj), nil
}

// completed waits until the object is completed; failed and removed end
// the wait with the API's explanation (stateUnready).
func (p protectionWait[T]) completed(ctx context.Context, id, kind string) (T, error) {
	return wait.Conf[T]{
		Operation: p.what + " " + id + " to be completed",
		Pending:   protectionTransitional,
		Target:    []string{SnapshotCompleted},
		Failure:   []string{SnapshotFailed, SnapshotRemoved, SnapshotDeleting},
		Refresh:   p.refresh,
		Message:   p.message,
		Kind:      kind,
	}.Wait(ctx)
}

// gone waits until the deleted object is gone; one whose deletion failed
// ends the wait with the API's explanation.
func (p protectionWait[T]) gone(ctx context.Context, id, kind string) error {
	_, err := wait.Conf[T]{
		Operation: p.what + " " + id + " to be deleted",
		Pending:   append([]string{SnapshotDeleting, SnapshotCompleted, SnapshotRemoved}, protectionTransitional...),
		Failure:   []string{SnapshotFailed},
		NotFound:  wait.NotFoundIsSuccess,
		Refresh:   p.refresh,
		Message:   p.message,
		Kind:      kind,
	}.Wait(ctx)
	return err
}

// importAppScoped sets app_id and id from an import ID "<app_id>/<id>":
// the ID of a snapshot or a backup is meaningful within its app only.
func importAppScoped(ctx context.Context, typeName, what string, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	appID, id, ok := strings.Cut(req.ID, "/")
	if !ok || !astraIDPattern.MatchString(appID) || !astraIDPattern.MatchString(id) {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("The import ID of %s is <app_id>/<%s_id>, two Astra IDs separated by a slash, "+
				"e.g. 8c2d0a4e-7b1f-4e2a-9c3d-5f6a7b8c9d0e/3f1e2d3c-4b5a-4c6d-8e7f-9a0b1c2d3e4f; got %q.", typeName, what, req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("app_id"), appID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
}

// protectionPlan is what ModifyPlan decides for a snapshot or a backup in
// state (a transitional, deleting or lost one), given its state.
type protectionPlan int

const (
	planAsIs    protectionPlan = iota // nothing to add
	planResume                        // being taken: an update that waits, in place
	planReplace                       // deleting, failed or removed: it cannot come back
)

// planFor returns what a plan does with an object in state.
func planFor(state types.String) protectionPlan {
	switch state.ValueString() {
	case SnapshotDeleting, SnapshotFailed, SnapshotRemoved:
		return planReplace
	case SnapshotCompleted, "":
		return planAsIs
	}
	return planResume
}

// The listings of continuity_astra_snapshots and continuity_astra_backups:
// the API's collections take include and limit only (astra.md §1.4), so the
// filters and the order are applied on this side, on every item.

// protectionOrders are the orders a listing can have, as order_by takes
// them; the first is the default (newest first, so that the first item is
// the latest to restore from).
var protectionOrders = []string{"created_at desc", "created_at", "name", "name desc"}

// listing is a listing's filters and order.
type listing struct {
	nameRegex *regexp.Regexp
	state     string
	bucketID  string
	orderBy   string
	limit     int64
}

// listed is what a listing reads of an item.
type listed struct{ name, state, bucketID, createdAt string }

// selectListed filters items, sorts them (stably: items of one key keep
// the API's order) and keeps the first limit of them.
func selectListed[T any](l listing, items []T, of func(*T) listed) []T {
	out := make([]T, 0, len(items))
	for i := range items {
		it := of(&items[i])
		if (l.nameRegex == nil || l.nameRegex.MatchString(it.name)) && (l.state == "" || it.state == l.state) &&
			(l.bucketID == "" || it.bucketID == l.bucketID) {
			out = append(out, items[i])
		}
	}
	field, desc := strings.CutSuffix(l.orderBy, " desc")
	slices.SortStableFunc(out, func(a, b T) int {
		x, y := of(&a), of(&b)
		var c int
		if field == "name" {
			c = strings.Compare(x.name, y.name)
		} else {
			// type_astra_time in UTC sorts as text, with or without
			// fractions only when both have the same form: compare times.
			tx, _ := parseTimestamp(x.createdAt)
			ty, _ := parseTimestamp(y.createdAt)
			c = tx.Compare(ty)
		}
		if desc {
			return -c
		}
		return c
	})
	if l.limit > 0 && int64(len(out)) > l.limit {
		out = out[:l.limit]
	}
	return out
}
