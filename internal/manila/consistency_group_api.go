package manila

import (
	"context"
	"net/http"
)

const cgPath = "consistency-groups"

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
	var out struct {
		CG ConsistencyGroup `json:"consistency_group"`
	}
	err := c.do(ctx, call{method: http.MethodPost, path: []string{cgPath}, body: map[string]any{"consistency_group": in}}, &out)
	if err != nil {
		return nil, err
	}
	return &out.CG, nil
}

// GetConsistencyGroup reads a consistency group; a missing one gives an
// apierr.NotFoundError.
func (c *Client) GetConsistencyGroup(ctx context.Context, id string) (*ConsistencyGroup, error) {
	var out struct {
		CG ConsistencyGroup `json:"consistency_group"`
	}
	if err := c.do(ctx, call{method: http.MethodGet, path: []string{cgPath, id}}, &out); err != nil {
		return nil, notFound("consistency group", id, err)
	}
	return &out.CG, nil
}

// ListConsistencyGroups lists the project's consistency groups in detail.
func (c *Client) ListConsistencyGroups(ctx context.Context) ([]ConsistencyGroup, error) {
	return listAll[ConsistencyGroup](ctx, c, []string{cgPath, "detail"}, "consistency_groups", nil)
}

// UpdateConsistencyGroup changes the name and description (200).
func (c *Client) UpdateConsistencyGroup(ctx context.Context, id string, in ConsistencyGroupUpdate) (*ConsistencyGroup, error) {
	var out struct {
		CG ConsistencyGroup `json:"consistency_group"`
	}
	err := c.do(ctx, call{method: http.MethodPut, path: []string{cgPath, id}, body: map[string]any{"consistency_group": in}, ok: []int{http.StatusOK}}, &out)
	if err != nil {
		return nil, notFound("consistency group", id, err)
	}
	return &out.CG, nil
}

// DeleteConsistencyGroup deletes a consistency group (202, then deleting).
func (c *Client) DeleteConsistencyGroup(ctx context.Context, id string) error {
	return notFound("consistency group", id, c.do(ctx, call{method: http.MethodDelete, path: []string{cgPath, id}}, nil))
}

// ForceDeleteConsistencyGroup removes a consistency group at once, in any
// status (admin only). An unknown ID gives an apierr.NotFoundError.
func (c *Client) ForceDeleteConsistencyGroup(ctx context.Context, id string) error {
	return c.action(ctx, cgPath, "consistency group", id, "force_delete", nil)
}

// ResetConsistencyGroupStatus sets the status of a consistency group
// (admin only).
func (c *Client) ResetConsistencyGroupStatus(ctx context.Context, id, status string) error {
	return c.action(ctx, cgPath, "consistency group", id, "reset_status", map[string]string{"status": status})
}

// action posts an admin action under its name for the negotiated
// microversion. Its 404 does not name the object: it is a not-found.
func (c *Client) action(ctx context.Context, collection, kind, id, name string, value any) error {
	v, err := c.Microversion(ctx)
	if err != nil {
		return err
	}
	key := actionName(v, name)
	err = c.do(ctx, call{method: http.MethodPost, path: []string{collection, id, "action"}, body: map[string]any{key: value}}, nil)
	return apierrNotFound(kind, id, err)
}
