package manila

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
)

// shareTransitional are the statuses of a share in the middle of an
// operation (manila-groups.md §3.6): a share found in one is waited for.
var shareTransitional = []string{statusCreating, statusCreatingFromSnapshot, statusExtending, statusShrinking, statusReverting}

// shareFailures end every wait on a share at once.
var shareFailures = []string{statusError, statusErrorDeleting, statusExtendingError, statusShrinkingError, statusRevertingError}

// shares waits on shares.
func (c *Client) shares() watcher[Share] {
	return watcher[Share]{
		kind: shareKind, op: "manila.share", get: c.GetShare, failure: shareFailures,
		status: func(s *Share) string { return s.Status },
	}
}

// shareFailureMessage explains a share in a failure status: Manila keeps
// the reason in a user message (2.37), not on the share.
func shareFailureMessage(s *Share) string {
	if s == nil {
		return ""
	}
	return "Manila records the reason as a user message of the share (manila message-list --resource-id " + s.ID + "); " +
		"a share in error can be deleted, and reset by an admin (manila reset-state)"
}

// awaitShare waits for the operation (create, extend, shrink, revert) under
// way on a share to end in available.
func (c *Client) awaitShare(ctx context.Context, id, operation string) (*Share, error) {
	return c.shares().wait(ctx, id, "to become available", operation, shareTransitional, []string{statusAvailable}, wait.NotFoundFails,
		shareFailureMessage)
}

// isShareStatusRefusal reports Manila's 403 for the deletion of a share
// in a transitional status (manila-groups.md §3.5).
func isShareStatusRefusal(err error) bool {
	var e *apierr.Error
	return errors.As(err, &e) && e.StatusCode == http.StatusForbidden && strings.Contains(e.Message, "Share status must be one of")
}

// deleteShareAndWait deletes a share, after the operation under way on it
// ends, and waits until it is gone. A share already deleting is waited for.
func (c *Client) deleteShareAndWait(ctx context.Context, s *Share) error {
	if s.Status != statusDeleting {
		err := c.DeleteShare(ctx, s)
		if isShareStatusRefusal(err) {
			if s, err = c.awaitShare(ctx, s.ID, "settle"); err == nil {
				err = c.DeleteShare(ctx, s)
			}
		}
		if apierr.IsNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
	}
	_, err := c.shares().wait(ctx, s.ID, "to be deleted", "delete", []string{statusDeleting}, nil, wait.NotFoundIsSuccess,
		func(*Share) string {
			return "the share service failed to delete the share; an admin can remove it with force-delete"
		})
	return err
}

// deleteRestoredShares deletes the shares that a group's creation from a
// snapshot made in it (those with a source member), and waits until they
// are gone: they came with the group, so they go with it. Shares created
// in the group otherwise (continuity_manila_share resources, or outside
// Terraform) are left alone; Manila then refuses to delete the group.
func (c *Client) deleteRestoredShares(ctx context.Context, filter, groupID string, restored func(*Share) bool) error {
	q := url.Values{}
	q.Set(filter, groupID)
	all, err := c.ListShares(ctx, q)
	if err != nil {
		return err
	}
	for i := range all {
		s := &all[i]
		if !restored(s) {
			continue
		}
		if err := c.deleteShareAndWait(ctx, s); err != nil {
			return fmt.Errorf("deleting the share %s restored into the group: %w", s.ID, err)
		}
	}
	return nil
}

// awaitGroupShares waits for the shares of a share group that are in the
// middle of an operation: Manila snapshots a group only when each of its
// shares is available (manila-groups.md §7).
func (c *Client) awaitGroupShares(ctx context.Context, groupID string) error {
	q := url.Values{}
	q.Set("share_group_id", groupID)
	all, err := c.ListShares(ctx, q)
	if err != nil {
		return err
	}
	for _, s := range all {
		if slices.Contains(shareTransitional, s.Status) {
			if _, err := c.awaitShare(ctx, s.ID, "settle"); err != nil {
				return err
			}
		}
	}
	return nil
}
