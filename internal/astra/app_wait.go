package astra

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
)

// The waits of continuity_astra_app: managing, cloning, restoring,
// restoring in place and unmanaging are asynchronous (astra.md §10.4).

// appTransitional are the states an app passes through on its way to
// ready. "unavailable" and "unknown" are waited out too: they say the
// server cannot tell for now.
var appTransitional = []string{AppPending, AppDiscovering, AppProvisioning, AppRestoring, AppUnavailable, AppUnknown}

// appRefresh reads the app for a waiter.
func (c *Client) appRefresh(id string) wait.RefreshFunc[*App] {
	return func(ctx context.Context) (*App, string, error) {
		a, err := c.GetApp(ctx, id)
		if err != nil {
			return nil, "", err
		}
		return a, a.State, nil
	}
}

// waitApp waits until the app is ready; kind names the operation
// ("astra.app.manage"). A failed app ends the wait with the API's
// explanation.
func (c *Client) waitApp(ctx context.Context, id, kind string) (*App, error) {
	return wait.Conf[*App]{
		Operation: "app " + id + " to be ready",
		Pending:   appTransitional,
		Target:    []string{AppReady},
		Failure:   []string{AppFailed, AppDeleting},
		Refresh:   c.appRefresh(id),
		Message:   (*App).Message,
		Kind:      kind,
	}.Wait(ctx)
}

// waitAppSettled waits until no operation of the app is under way: it is
// ready or failed (what an update starts from).
func (c *Client) waitAppSettled(ctx context.Context, id string) (*App, error) {
	return wait.Conf[*App]{
		Operation: "app " + id + " to be ready or failed",
		Pending:   appTransitional,
		Target:    []string{AppReady, AppFailed},
		Failure:   []string{AppDeleting},
		Refresh:   c.appRefresh(id),
		Message:   (*App).Message,
		Kind:      "astra.app.settle",
		Settle:    true,
	}.Wait(ctx)
}

// waitAppGone waits until the unmanaged app is gone. An app whose
// unmanaging failed ends the wait with the API's explanation.
func (c *Client) waitAppGone(ctx context.Context, id string) error {
	_, err := wait.Conf[*App]{
		Operation: "app " + id + " to be unmanaged",
		Pending:   append([]string{AppDeleting, AppReady}, appTransitional...),
		Failure:   []string{AppFailed},
		NotFound:  wait.NotFoundIsSuccess,
		Refresh:   c.appRefresh(id),
		Message:   (*App).Message,
		Kind:      "astra.app.unmanage",
	}.Wait(ctx)
	return err
}

// WaitAppReady waits until the app id is ready, as after ManageApp: the
// acceptance tests' helpers use it.
func (c *Client) WaitAppReady(ctx context.Context, id string) (*App, error) {
	return c.waitApp(ctx, id, "astra.app.manage")
}
