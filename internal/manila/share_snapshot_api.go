package manila

import (
	"context"
	"net/url"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/snapshots"
)

// The kind of share snapshots in messages.
const shareSnapshotKind = "share snapshot"

// ShareSnapshot is the detail view of a share snapshot (manila-groups.md §4).
type ShareSnapshot struct {
	ID          string  `json:"id"`
	ShareID     string  `json:"share_id"`
	Name        *string `json:"name"`
	Description *string `json:"description"`
	Status      string  `json:"status"`
	Size        int64   `json:"size"`
	ShareSize   int64   `json:"share_size"`
	ShareProto  string  `json:"share_proto"`
	ProjectID   *string `json:"project_id"`
	CreatedAt   string  `json:"created_at"`
}

// Statuses of snapshots beyond the common ones (manila-groups.md §4, §5).
const statusRestoring = "restoring"

// CreateShareSnapshot snapshots a share (202, status creating).
func (c *Client) CreateShareSnapshot(ctx context.Context, shareID, name, description string) (*ShareSnapshot, error) {
	sc, _, err := c.gc(ctx)
	if err != nil {
		return nil, err
	}
	opts := snapshots.CreateOpts{ShareID: shareID, Name: name, Description: description}
	return extract[ShareSnapshot](snapshots.Create(ctx, sc, opts).Result, "POST /snapshots", "snapshot")
}

// GetShareSnapshot reads a snapshot; a missing one gives an apierr.NotFoundError.
func (c *Client) GetShareSnapshot(ctx context.Context, id string) (*ShareSnapshot, error) {
	sc, _, err := c.gc(ctx)
	if err != nil {
		return nil, err
	}
	s, err := extract[ShareSnapshot](snapshots.Get(ctx, sc, id).Result, "GET /snapshots/"+id, "snapshot")
	return s, objectNotFound(shareSnapshotKind, id, err)
}

// ListShareSnapshots lists the project's snapshots in detail (of one share
// with shareID), every page, newest first as Manila sorts them.
func (c *Client) ListShareSnapshots(ctx context.Context, shareID string) ([]ShareSnapshot, error) {
	sc, _, err := c.gc(ctx)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	if shareID != "" {
		q.Set("share_id", shareID)
	}
	return everyPage[ShareSnapshot](ctx, "GET /snapshots/detail", snapshots.ListDetail(sc, query(q)), "snapshots")
}

// UpdateShareSnapshot changes the name and description (200); empty
// strings clear them.
func (c *Client) UpdateShareSnapshot(ctx context.Context, id string, name, description *string) (*ShareSnapshot, error) {
	sc, _, err := c.gc(ctx)
	if err != nil {
		return nil, err
	}
	opts := snapshots.UpdateOpts{DisplayName: name, DisplayDescription: description}
	s, err := extract[ShareSnapshot](snapshots.Update(ctx, sc, id, opts).Result, "PUT /snapshots/"+id, "snapshot")
	return s, objectNotFound(shareSnapshotKind, id, err)
}

// DeleteShareSnapshot deletes a snapshot (202, then deleting).
func (c *Client) DeleteShareSnapshot(ctx context.Context, id string) error {
	sc, _, err := c.gc(ctx)
	if err != nil {
		return err
	}
	return objectNotFound(shareSnapshotKind, id, apiError("DELETE /snapshots/"+id, snapshots.Delete(ctx, sc, id).ExtractErr()))
}

// ForceDeleteShareSnapshot removes a snapshot at once (admin only).
func (c *Client) ForceDeleteShareSnapshot(ctx context.Context, id string) error {
	return c.adminAction(ctx, "snapshots", shareSnapshotKind, id, "force_delete", nil,
		forceDeleted(c.GetShareSnapshot, func(s *ShareSnapshot) string { return s.Status }, id))
}

// FindCreatedShareSnapshot returns the snapshot that the creation of one
// of shareID named name (sent at since) made when its answer was lost: the
// snapshot of the share with the same name and description created not
// before since. Several are an error.
func (c *Client) FindCreatedShareSnapshot(ctx context.Context, shareID, name, description string, since time.Time) (*ShareSnapshot, bool, error) {
	all, err := c.ListShareSnapshots(ctx, shareID)
	if err != nil {
		return nil, false, err
	}
	return lostCreation(shareSnapshotKind, name, all, since, func(s *ShareSnapshot) bool {
		return s.ShareID == shareID && conv.Deref(s.Name) == name && conv.Deref(s.Description) == description && createdSince(s.CreatedAt, since)
	}, func(s *ShareSnapshot) string { return s.ID })
}
