package manila

import (
	"context"
	"net/http"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
)

// Paths, body keys and the kind of consistency group snapshots (manila.md §2.1).
const (
	cgsnapshotPath = "cgsnapshots"
	cgsnapshotKey  = "cgsnapshot"
	cgsnapshotKind = "consistency group snapshot"
)

// CGSnapshot is the detail view of a consistency group snapshot.
type CGSnapshot struct {
	ID                 string  `json:"id"`
	Name               *string `json:"name"`
	Description        *string `json:"description"`
	Status             string  `json:"status"`
	ProjectID          string  `json:"project_id"`
	ConsistencyGroupID string  `json:"consistency_group_id"`
	CreatedAt          string  `json:"created_at"`
}

// CGSnapshotMember is one share captured by a snapshot.
type CGSnapshotMember struct {
	ID            string `json:"id"`
	ShareID       string `json:"share_id"`
	ShareTypeID   string `json:"share_type_id"`
	ShareProtocol string `json:"share_protocol"`
	Size          int64  `json:"size"`
	CreatedAt     string `json:"created_at"`
	ProjectID     string `json:"project_id"`
	CGSnapshotID  string `json:"cgsnapshot_id"`
}

// CGSnapshotCreate is the body of a creation.
type CGSnapshotCreate struct {
	ConsistencyGroupID string  `json:"consistency_group_id"`
	Name               *string `json:"name"`
	Description        *string `json:"description"`
}

// CGSnapshotUpdate is the body of an update.
type CGSnapshotUpdate struct {
	Name        *string `json:"name"`
	Description *string `json:"description"`
}

// CreateCGSnapshot snapshots a consistency group (202, status creating).
func (c *Client) CreateCGSnapshot(ctx context.Context, in CGSnapshotCreate) (*CGSnapshot, error) {
	return one[CGSnapshot](ctx, c, call{method: http.MethodPost, path: []string{cgsnapshotPath}, body: map[string]any{cgsnapshotKey: in}}, cgsnapshotKey)
}

// GetCGSnapshot reads a snapshot; a missing one gives an apierr.NotFoundError.
func (c *Client) GetCGSnapshot(ctx context.Context, id string) (*CGSnapshot, error) {
	s, err := one[CGSnapshot](ctx, c, call{method: http.MethodGet, path: []string{cgsnapshotPath, id}}, cgsnapshotKey)
	return s, notFound(cgsnapshotKind, id, err)
}

// ListCGSnapshots lists the project's snapshots in detail.
func (c *Client) ListCGSnapshots(ctx context.Context) ([]CGSnapshot, error) {
	return listAll[CGSnapshot](ctx, c, []string{cgsnapshotPath, "detail"}, "cgsnapshots", nil)
}

// FindCreatedCGSnapshot returns the snapshot that the creation in, sent at
// since, made when its answer was lost: the snapshot of the same group with
// the same name and description, created not before since. Several such
// snapshots are an error.
func (c *Client) FindCreatedCGSnapshot(ctx context.Context, in CGSnapshotCreate, since time.Time) (*CGSnapshot, bool, error) {
	all, err := c.ListCGSnapshots(ctx)
	if err != nil {
		return nil, false, err
	}
	return lostCreation(cgsnapshotKind, conv.Deref(in.Name), all, since, func(s *CGSnapshot) bool {
		return s.ConsistencyGroupID == in.ConsistencyGroupID && sameString(in.Name, s.Name) && sameString(in.Description, s.Description) &&
			createdSince(s.CreatedAt, since)
	}, func(s *CGSnapshot) string { return s.ID })
}

// ListCGSnapshotMembers lists the shares a snapshot captured.
func (c *Client) ListCGSnapshotMembers(ctx context.Context, id string) ([]CGSnapshotMember, error) {
	return listAll[CGSnapshotMember](ctx, c, []string{cgsnapshotPath, id, "members"}, "cgsnapshot_members", nil)
}

// UpdateCGSnapshot changes the name and description (200).
func (c *Client) UpdateCGSnapshot(ctx context.Context, id string, in CGSnapshotUpdate) (*CGSnapshot, error) {
	s, err := one[CGSnapshot](ctx, c, call{method: http.MethodPut, path: []string{cgsnapshotPath, id}, body: map[string]any{cgsnapshotKey: in}, ok: []int{http.StatusOK}}, cgsnapshotKey)
	return s, notFound(cgsnapshotKind, id, err)
}

// DeleteCGSnapshot deletes a snapshot (202, then deleting).
func (c *Client) DeleteCGSnapshot(ctx context.Context, id string) error {
	return notFound(cgsnapshotKind, id, c.do(ctx, call{method: http.MethodDelete, path: []string{cgsnapshotPath, id}}, nil))
}

// ForceDeleteCGSnapshot removes a snapshot at once (admin only). When the
// answer is lost, a snapshot gone or deleting counts as force-deleted.
func (c *Client) ForceDeleteCGSnapshot(ctx context.Context, id string) error {
	return c.adminAction(ctx, cgsnapshotPath, cgsnapshotKind, id, "force_delete", nil,
		forceDeleted(c.GetCGSnapshot, func(s *CGSnapshot) string { return s.Status }, id))
}
