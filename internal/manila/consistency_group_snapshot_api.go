package manila

import (
	"context"
	"net/http"
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

// ForceDeleteCGSnapshot removes a snapshot at once (admin only).
func (c *Client) ForceDeleteCGSnapshot(ctx context.Context, id string) error {
	return c.action(ctx, cgsnapshotPath, cgsnapshotKind, id, "force_delete", nil)
}
