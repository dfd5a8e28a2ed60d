package manila

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
)

// Paths, body keys and the kinds of share groups, their snapshots and
// types (manila-groups.md §6–§8). gophercloud has no package for them
// (§13.1): this is the provider's own small client on its ServiceClient.
const (
	shareGroupPath    = "share-groups"
	shareGroupKey     = "share_group"
	shareGroupKind    = "share group"
	groupSnapshotPath = "share-group-snapshots"
	groupSnapshotKey  = "share_group_snapshot"
	groupSnapshotKind = "share group snapshot"
	groupTypePath     = "share-group-types"
	groupTypeKey      = "share_group_type"
	groupTypeKind     = "share group type"
)

// ShareGroup is the detail view of a share group. ShareServerID is shown
// to admins only; the zone and consistent_snapshot_support from 2.34.
type ShareGroup struct {
	ID                         string   `json:"id"`
	Name                       *string  `json:"name"`
	Description                *string  `json:"description"`
	Status                     string   `json:"status"`
	Host                       *string  `json:"host"`
	ProjectID                  string   `json:"project_id"`
	CreatedAt                  string   `json:"created_at"`
	ShareGroupTypeID           string   `json:"share_group_type_id"`
	SourceShareGroupSnapshotID *string  `json:"source_share_group_snapshot_id"`
	ShareNetworkID             *string  `json:"share_network_id"`
	ShareServerID              *string  `json:"share_server_id"`
	ShareTypes                 []string `json:"share_types"`
	AvailabilityZone           *string  `json:"availability_zone"`
	ConsistentSnapshotSupport  *string  `json:"consistent_snapshot_support"`
}

// ShareGroupCreate is the body of a creation: only what the user set, as
// python-manilaclient sends it (manila-groups.md §13.3).
type ShareGroupCreate struct {
	Name                       *string  `json:"name,omitempty"`
	Description                *string  `json:"description,omitempty"`
	ShareTypes                 []string `json:"share_types,omitempty"`
	ShareGroupTypeID           *string  `json:"share_group_type_id,omitempty"`
	ShareNetworkID             *string  `json:"share_network_id,omitempty"`
	AvailabilityZone           *string  `json:"availability_zone,omitempty"`
	SourceShareGroupSnapshotID *string  `json:"source_share_group_snapshot_id,omitempty"`
}

// NameUpdate is the body of an update of a group or a group snapshot.
type NameUpdate struct {
	Name        *string `json:"name"`
	Description *string `json:"description"`
}

// ShareGroupSnapshot is the detail view of a share group snapshot.
type ShareGroupSnapshot struct {
	ID           string                     `json:"id"`
	Name         *string                    `json:"name"`
	Description  *string                    `json:"description"`
	Status       string                     `json:"status"`
	ProjectID    string                     `json:"project_id"`
	ShareGroupID string                     `json:"share_group_id"`
	CreatedAt    string                     `json:"created_at"`
	Members      []ShareGroupSnapshotMember `json:"members"`
}

// ShareGroupSnapshotMember is one share a group snapshot captured.
type ShareGroupSnapshotMember struct {
	ID      string `json:"id"`
	ShareID string `json:"share_id"`
	Size    int64  `json:"size"`
}

// ShareGroupSnapshotCreate is the body of a group snapshot creation.
type ShareGroupSnapshotCreate struct {
	ShareGroupID string  `json:"share_group_id"`
	Name         *string `json:"name,omitempty"`
	Description  *string `json:"description,omitempty"`
}

// ShareGroupType is a share group type.
type ShareGroupType struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`
	IsPublic   bool              `json:"is_public"`
	ShareTypes []string          `json:"share_types"`
	GroupSpecs map[string]string `json:"group_specs"`
	IsDefault  *bool             `json:"is_default"`
}

// CreateShareGroup creates a share group (202, status creating).
func (c *Client) CreateShareGroup(ctx context.Context, in ShareGroupCreate) (*ShareGroup, error) {
	return one[ShareGroup](ctx, c, call{method: http.MethodPost, path: []string{shareGroupPath}, body: map[string]any{shareGroupKey: in},
		ok: []int{http.StatusAccepted}}, shareGroupKey)
}

// GetShareGroup reads a share group; a missing one gives an apierr.NotFoundError.
func (c *Client) GetShareGroup(ctx context.Context, id string) (*ShareGroup, error) {
	g, err := one[ShareGroup](ctx, c, call{method: http.MethodGet, path: []string{shareGroupPath, id}}, shareGroupKey)
	return g, notFound(shareGroupKind, id, err)
}

// ListShareGroups lists the project's share groups in detail, with the
// server's filters (name, status, …).
func (c *Client) ListShareGroups(ctx context.Context, filters url.Values) ([]ShareGroup, error) {
	return listAll[ShareGroup](ctx, c, []string{shareGroupPath, "detail"}, "share_groups", filters)
}

// UpdateShareGroup changes the name and description (200).
func (c *Client) UpdateShareGroup(ctx context.Context, id string, in NameUpdate) (*ShareGroup, error) {
	g, err := one[ShareGroup](ctx, c, call{method: http.MethodPut, path: []string{shareGroupPath, id}, body: map[string]any{shareGroupKey: in},
		ok: []int{http.StatusOK}}, shareGroupKey)
	return g, notFound(shareGroupKind, id, err)
}

// DeleteShareGroup deletes a share group (202, then deleting).
func (c *Client) DeleteShareGroup(ctx context.Context, id string) error {
	return notFound(shareGroupKind, id, c.do(ctx, call{method: http.MethodDelete, path: []string{shareGroupPath, id}}, nil))
}

// ForceDeleteShareGroup removes a share group with its snapshots and
// shares at once (admin only).
func (c *Client) ForceDeleteShareGroup(ctx context.Context, id string) error {
	return c.adminAction(ctx, shareGroupPath, shareGroupKind, id, "force_delete", nil,
		forceDeleted(c.GetShareGroup, func(g *ShareGroup) string { return g.Status }, id))
}

// ResetShareGroupStatus sets the status of a share group (admin only).
func (c *Client) ResetShareGroupStatus(ctx context.Context, id, status string) error {
	return c.adminAction(ctx, shareGroupPath, shareGroupKind, id, "reset_status", map[string]string{"status": status},
		func(ctx context.Context) (bool, error) {
			g, err := c.GetShareGroup(ctx, id)
			if err != nil {
				return false, err
			}
			return g.Status == status, nil
		})
}

// FindCreatedShareGroup returns the group that the creation in (sent at
// since) made when its answer was lost: the group of the project with the
// same name, description, type, network, zone, source and share types
// (those the creation set), created not before since.
func (c *Client) FindCreatedShareGroup(ctx context.Context, in ShareGroupCreate, since time.Time) (*ShareGroup, bool, error) {
	all, err := c.ListShareGroups(ctx, nil)
	if err != nil {
		return nil, false, err
	}
	return lostCreation(shareGroupKind, conv.Deref(in.Name), all, since, func(g *ShareGroup) bool {
		return sameString(in.Name, g.Name) && sameString(in.Description, g.Description) && createdSince(g.CreatedAt, since) &&
			(in.ShareGroupTypeID == nil || *in.ShareGroupTypeID == g.ShareGroupTypeID) &&
			(in.ShareNetworkID == nil || sameString(in.ShareNetworkID, g.ShareNetworkID)) &&
			(in.SourceShareGroupSnapshotID == nil || sameString(in.SourceShareGroupSnapshotID, g.SourceShareGroupSnapshotID)) &&
			(in.ShareTypes == nil || sameSet(in.ShareTypes, g.ShareTypes))
	}, func(g *ShareGroup) string { return g.ID })
}

// CreateShareGroupSnapshot snapshots a share group (202, status creating).
func (c *Client) CreateShareGroupSnapshot(ctx context.Context, in ShareGroupSnapshotCreate) (*ShareGroupSnapshot, error) {
	return one[ShareGroupSnapshot](ctx, c, call{method: http.MethodPost, path: []string{groupSnapshotPath},
		body: map[string]any{groupSnapshotKey: in}, ok: []int{http.StatusAccepted}}, groupSnapshotKey)
}

// GetShareGroupSnapshot reads a group snapshot; a missing one gives an
// apierr.NotFoundError.
func (c *Client) GetShareGroupSnapshot(ctx context.Context, id string) (*ShareGroupSnapshot, error) {
	s, err := one[ShareGroupSnapshot](ctx, c, call{method: http.MethodGet, path: []string{groupSnapshotPath, id}}, groupSnapshotKey)
	return s, notFound(groupSnapshotKind, id, err)
}

// ListShareGroupSnapshots lists the project's group snapshots in detail.
func (c *Client) ListShareGroupSnapshots(ctx context.Context, filters url.Values) ([]ShareGroupSnapshot, error) {
	return listAll[ShareGroupSnapshot](ctx, c, []string{groupSnapshotPath, "detail"}, "share_group_snapshots", filters)
}

// UpdateShareGroupSnapshot changes the name and description (200).
func (c *Client) UpdateShareGroupSnapshot(ctx context.Context, id string, in NameUpdate) (*ShareGroupSnapshot, error) {
	s, err := one[ShareGroupSnapshot](ctx, c, call{method: http.MethodPut, path: []string{groupSnapshotPath, id},
		body: map[string]any{groupSnapshotKey: in}, ok: []int{http.StatusOK}}, groupSnapshotKey)
	return s, notFound(groupSnapshotKind, id, err)
}

// DeleteShareGroupSnapshot deletes a group snapshot (202, then deleting).
func (c *Client) DeleteShareGroupSnapshot(ctx context.Context, id string) error {
	return notFound(groupSnapshotKind, id, c.do(ctx, call{method: http.MethodDelete, path: []string{groupSnapshotPath, id}}, nil))
}

// ForceDeleteShareGroupSnapshot removes a group snapshot at once (admin only).
func (c *Client) ForceDeleteShareGroupSnapshot(ctx context.Context, id string) error {
	return c.adminAction(ctx, groupSnapshotPath, groupSnapshotKind, id, "force_delete", nil,
		forceDeleted(c.GetShareGroupSnapshot, func(s *ShareGroupSnapshot) string { return s.Status }, id))
}

// FindCreatedShareGroupSnapshot returns the group snapshot that the
// creation in (sent at since) made when its answer was lost: the snapshot
// of the same group with the same name and description created not before
// since.
func (c *Client) FindCreatedShareGroupSnapshot(ctx context.Context, in ShareGroupSnapshotCreate, since time.Time) (*ShareGroupSnapshot, bool, error) {
	q := url.Values{}
	q.Set("share_group_id", in.ShareGroupID)
	all, err := c.ListShareGroupSnapshots(ctx, q)
	if err != nil {
		return nil, false, err
	}
	return lostCreation(groupSnapshotKind, conv.Deref(in.Name), all, since, func(s *ShareGroupSnapshot) bool {
		return s.ShareGroupID == in.ShareGroupID && sameString(in.Name, s.Name) && sameString(in.Description, s.Description) &&
			createdSince(s.CreatedAt, since)
	}, func(s *ShareGroupSnapshot) string { return s.ID })
}

// ListShareGroupTypes lists the share group types the project sees.
func (c *Client) ListShareGroupTypes(ctx context.Context) ([]ShareGroupType, error) {
	var out struct {
		Types []ShareGroupType `json:"share_group_types"`
	}
	if err := c.do(ctx, call{method: http.MethodGet, path: []string{groupTypePath}}, &out); err != nil {
		return nil, err
	}
	return out.Types, nil
}

// GetShareGroupType reads a share group type.
func (c *Client) GetShareGroupType(ctx context.Context, id string) (*ShareGroupType, error) {
	t, err := one[ShareGroupType](ctx, c, call{method: http.MethodGet, path: []string{groupTypePath, id}}, groupTypeKey)
	return t, notFound(groupTypeKind, id, err)
}

// DefaultShareGroupType returns the default share group type; a server
// without one gives an apierr.NotFoundError.
func (c *Client) DefaultShareGroupType(ctx context.Context) (*ShareGroupType, error) {
	t, err := one[ShareGroupType](ctx, c, call{method: http.MethodGet, path: []string{groupTypePath, "default"}}, groupTypeKey)
	return t, notFound(groupTypeKind, "default", err)
}
