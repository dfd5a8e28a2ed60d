package manila

import (
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
)

// Paths, body keys and the kind of consistency groups (manila.md §1.2).
const (
	cgPath = "consistency-groups"
	cgKey  = "consistency_group"
	cgKind = "consistency group"
)

// ConsistencyGroup is the detail view of a consistency group.
// ShareServerID is only shown to admins.
type ConsistencyGroup struct {
	ID                 string   `json:"id"`
	Name               *string  `json:"name"`
	Description        *string  `json:"description"`
	Status             string   `json:"status"`
	Host               *string  `json:"host"`
	ProjectID          string   `json:"project_id"`
	CreatedAt          string   `json:"created_at"`
	ShareNetworkID     *string  `json:"share_network_id"`
	ShareServerID      *string  `json:"share_server_id"`
	SourceCGSnapshotID *string  `json:"source_cgsnapshot_id"`
	ShareTypes         []string `json:"share_types"`
}

// ConsistencyGroupCreate is the body of a creation. Name and description
// are always sent (null when unset), as python-manilaclient does; the
// others only when set.
type ConsistencyGroupCreate struct {
	Name               *string  `json:"name"`
	Description        *string  `json:"description"`
	ShareTypes         []string `json:"share_types,omitempty"`
	ShareNetworkID     *string  `json:"share_network_id,omitempty"`
	SourceCGSnapshotID *string  `json:"source_cgsnapshot_id,omitempty"`
}

// ConsistencyGroupUpdate is the body of an update: both fields are sent.
type ConsistencyGroupUpdate struct {
	Name        *string `json:"name"`
	Description *string `json:"description"`
}

// CreateConsistencyGroup creates a consistency group (202, status creating).
func (c *Client) CreateConsistencyGroup(ctx context.Context, in ConsistencyGroupCreate) (*ConsistencyGroup, error) {
	return one[ConsistencyGroup](ctx, c, call{method: http.MethodPost, path: []string{cgPath}, body: map[string]any{cgKey: in}}, cgKey)
}

// GetConsistencyGroup reads a consistency group; a missing one gives an
// apierr.NotFoundError.
func (c *Client) GetConsistencyGroup(ctx context.Context, id string) (*ConsistencyGroup, error) {
	cg, err := one[ConsistencyGroup](ctx, c, call{method: http.MethodGet, path: []string{cgPath, id}}, cgKey)
	return cg, notFound(cgKind, id, err)
}

// ListConsistencyGroups lists the project's consistency groups in detail.
func (c *Client) ListConsistencyGroups(ctx context.Context) ([]ConsistencyGroup, error) {
	return listAll[ConsistencyGroup](ctx, c, []string{cgPath, "detail"}, "consistency_groups", nil)
}

// UpdateConsistencyGroup changes the name and description (200).
func (c *Client) UpdateConsistencyGroup(ctx context.Context, id string, in ConsistencyGroupUpdate) (*ConsistencyGroup, error) {
	cg, err := one[ConsistencyGroup](ctx, c, call{method: http.MethodPut, path: []string{cgPath, id}, body: map[string]any{cgKey: in}, ok: []int{http.StatusOK}}, cgKey)
	return cg, notFound(cgKind, id, err)
}

// DeleteConsistencyGroup deletes a consistency group (202, then deleting).
func (c *Client) DeleteConsistencyGroup(ctx context.Context, id string) error {
	return notFound(cgKind, id, c.do(ctx, call{method: http.MethodDelete, path: []string{cgPath, id}}, nil))
}

// FindCreatedConsistencyGroup returns the consistency group that the
// creation in, sent at since, made when its answer was lost: the group of
// the project with the same name, description, share network, source
// snapshot and share types (those the creation set), created not before
// since. Several such groups are an error.
func (c *Client) FindCreatedConsistencyGroup(ctx context.Context, in ConsistencyGroupCreate, since time.Time) (*ConsistencyGroup, bool, error) {
	all, err := c.ListConsistencyGroups(ctx)
	if err != nil {
		return nil, false, err
	}
	return lostCreation(cgKind, conv.Deref(in.Name), all, since, func(cg *ConsistencyGroup) bool {
		return sameString(in.Name, cg.Name) && sameString(in.Description, cg.Description) && createdSince(cg.CreatedAt, since) &&
			(in.ShareNetworkID == nil || sameString(in.ShareNetworkID, cg.ShareNetworkID)) &&
			(in.SourceCGSnapshotID == nil || sameString(in.SourceCGSnapshotID, cg.SourceCGSnapshotID)) &&
			(in.ShareTypes == nil || sameSet(in.ShareTypes, cg.ShareTypes))
	}, func(cg *ConsistencyGroup) string { return cg.ID })
}

// sameSet reports whether two lists hold the same strings.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

// ForceDeleteConsistencyGroup removes a consistency group at once, in any
// status (admin only). An unknown ID gives an apierr.NotFoundError. When
// the answer is lost, a group gone or deleting counts as force-deleted.
func (c *Client) ForceDeleteConsistencyGroup(ctx context.Context, id string) error {
	return c.adminAction(ctx, cgPath, cgKind, id, "force_delete", nil,
		forceDeleted(c.GetConsistencyGroup, func(cg *ConsistencyGroup) string { return cg.Status }, id))
}

// ResetConsistencyGroupStatus sets the status of a consistency group
// (admin only). When the answer is lost, a group in that status counts as
// reset.
func (c *Client) ResetConsistencyGroupStatus(ctx context.Context, id, status string) error {
	return c.adminAction(ctx, cgPath, cgKind, id, "reset_status", map[string]string{"status": status}, func(ctx context.Context) (bool, error) {
		cg, err := c.GetConsistencyGroup(ctx, id)
		if err != nil {
			return false, err
		}
		return cg.Status == status, nil
	})
}
