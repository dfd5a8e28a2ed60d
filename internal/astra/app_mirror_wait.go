package astra

import (
	"context"
	"fmt"

	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
)

// The waits of continuity_astra_app_mirror: every transition of the
// relationship is asynchronous.

// pendingFailed is the pseudo-state of a relationship whose transition
// failed: the API leaves it in the transitional state with healthState
// "critical" ("the last reconcile failed", astra.md §2.3), and the wait
// ends with the API's explanation (the state details).
const pendingFailed = "failed (health critical)"

// transitional reports whether state is one a transition passes through.
func transitional(state string) bool {
	return state == MirrorEstablishing || state == MirrorFailingOver || state == MirrorDeleting
}

// waitStateOf is the state a wait sees: the API's, or pendingFailed.
func waitStateOf(m *AppMirror) string {
	if m.HealthState == "critical" && transitional(m.State) {
		return pendingFailed
	}
	return m.State
}

// refresh reads the relationship for a waiter.
func (r *appMirrorResource) refresh(id string) wait.RefreshFunc[*AppMirror] {
	return func(ctx context.Context) (*AppMirror, string, error) {
		m, err := r.client.GetAppMirror(ctx, id)
		if err != nil {
			return nil, "", err
		}
		return m, waitStateOf(m), nil
	}
}

// waitSettled waits until the relationship is established or failed over.
func (r *appMirrorResource) waitSettled(ctx context.Context, id string) (*AppMirror, error) {
	return wait.Conf[*AppMirror]{
		Kind:      "astra.app_mirror.settle",
		Settle:    true,
		Operation: "AppMirror " + id + " to be established or failed over",
		Pending:   []string{MirrorEstablishing, MirrorFailingOver},
		Target:    []string{MirrorEstablished, MirrorFailedOver},
		Failure:   []string{pendingFailed},
		Refresh:   r.refresh(id),
		Message:   (*AppMirror).Message,
	}.Wait(ctx)
}

// Pseudo-states of waitFor: the server has not shown the requested change yet.
const (
	pendingRequested = "requested"
	pendingSwap      = "swapping"
)

// waitFor waits until the relationship is in state target with source as
// its source app. A server may show the state from before the request
// (from) for a moment, or the old direction: both count as pending.
func (r *appMirrorResource) waitFor(ctx context.Context, id, target, source, from string) (*AppMirror, error) {
	refresh := r.refresh(id)
	return wait.Conf[*AppMirror]{
		// One kind per target state: establishing and failing over
		// take different times (astra.app_mirror.established, …failedOver).
		Kind:      "astra.app_mirror." + target,
		Operation: fmt.Sprintf("AppMirror %s to be %s", id, target),
		Pending:   []string{MirrorEstablishing, MirrorFailingOver, pendingRequested, pendingSwap},
		Target:    []string{target},
		Failure:   []string{MirrorDeleting, pendingFailed},
		Refresh: func(ctx context.Context) (*AppMirror, string, error) {
			m, state, err := refresh(ctx)
			switch {
			case err != nil:
				return m, state, err
			case source != "" && m.SourceAppID != source:
				return m, pendingSwap, nil
			case state == from && from != target:
				return m, pendingRequested, nil
			}
			return m, state, nil
		},
		Message: (*AppMirror).Message,
	}.Wait(ctx)
}

// waitDeleted waits until the relationship is gone. A server may show the
// former state for a moment after the DELETE.
func (r *appMirrorResource) waitDeleted(ctx context.Context, id string) error {
	_, err := wait.Conf[*AppMirror]{
		Kind:      "astra.app_mirror.delete",
		Operation: "AppMirror " + id + " to be deleted",
		Pending:   []string{MirrorDeleting, MirrorEstablishing, MirrorEstablished, MirrorFailingOver, MirrorFailedOver},
		Failure:   []string{pendingFailed},
		NotFound:  wait.NotFoundIsSuccess,
		Refresh:   r.refresh(id),
		Message:   (*AppMirror).Message,
	}.Wait(ctx)
	return err
}
