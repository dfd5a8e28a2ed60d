package manila

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/gophercloud/gophercloud/v2"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/shares"
	"github.com/gophercloud/gophercloud/v2/pagination"
)

// The kind of shares in messages.
const shareKind = "share"

// Share is the detail view of a share at any microversion
// (manila-groups.md §3.3): fields a version lacks stay at their zero value.
// share_type is the type's name before 2.6 and its ID from 2.6; host and
// share_server_id are shown to admins only on servers of Ocata or later.
// It is decoded from gophercloud's answers, whose own Share lacks several of
// these fields.
type Share struct {
	ID                               string            `json:"id"`
	Name                             *string           `json:"name"`
	Description                      *string           `json:"description"`
	Size                             int64             `json:"size"`
	ShareProto                       string            `json:"share_proto"`
	ShareType                        *string           `json:"share_type"`
	ShareTypeName                    *string           `json:"share_type_name"`
	Status                           string            `json:"status"`
	AvailabilityZone                 *string           `json:"availability_zone"`
	ShareNetworkID                   *string           `json:"share_network_id"`
	ShareServerID                    *string           `json:"share_server_id"`
	Host                             *string           `json:"host"`
	SnapshotID                       *string           `json:"snapshot_id"`
	IsPublic                         bool              `json:"is_public"`
	Metadata                         map[string]string `json:"metadata"`
	ProjectID                        string            `json:"project_id"`
	CreatedAt                        string            `json:"created_at"`
	ConsistencyGroupID               *string           `json:"consistency_group_id"`
	SourceCGSnapshotMemberID         *string           `json:"source_cgsnapshot_member_id"`
	ShareGroupID                     *string           `json:"share_group_id"`
	SourceShareGroupSnapshotMemberID *string           `json:"source_share_group_snapshot_member_id"`
	SnapshotSupport                  bool              `json:"snapshot_support"`
	CreateShareFromSnapshotSupport   bool              `json:"create_share_from_snapshot_support"`
	RevertToSnapshotSupport          bool              `json:"revert_to_snapshot_support"`
	ReplicationType                  *string           `json:"replication_type"`
	HasReplicas                      bool              `json:"has_replicas"`
	// ExportPaths is export_locations of the view before 2.9: paths only.
	ExportPaths []string `json:"export_locations"`
}

// ExportLocation is one path a share (or a replica) is mounted from.
// ShareInstanceID and IsAdminOnly are shown to admins only.
type ExportLocation struct {
	ID              string `json:"id"`
	Path            string `json:"path"`
	Preferred       bool   `json:"preferred"`
	IsAdminOnly     bool   `json:"is_admin_only"`
	ShareInstanceID string `json:"share_instance_id"`
}

// ShareCreate is what a creation sets; empty strings are left out.
type ShareCreate struct {
	Name, Description  string
	ShareProto         string
	Size               int
	ShareTypeID        string
	ShareNetworkID     string
	SnapshotID         string
	AvailabilityZone   string
	IsPublic           bool
	Metadata           map[string]string
	ShareGroupID       string
	ConsistencyGroupID string
}

// shareStatuses a share passes through (manila-groups.md §3.6).
const (
	statusCreatingFromSnapshot = "creating_from_snapshot"
	statusExtending            = "extending"
	statusExtendingError       = "extending_error"
	statusShrinking            = "shrinking"
	statusShrinkingError       = "shrinking_error"
	statusReverting            = "reverting"
	statusRevertingError       = "reverting_error"
)

// gc returns gophercloud's service client at the negotiated microversion.
func (c *Client) gc(ctx context.Context) (*gophercloud.ServiceClient, Version, error) {
	return c.serviceClient(ctx)
}

// extract decodes the object under key of a gophercloud result.
func extract[T any](r gophercloud.Result, operation, key string) (*T, error) {
	var body map[string]json.RawMessage
	if err := r.ExtractInto(&body); err != nil {
		return nil, apiError(operation, err)
	}
	v := new(T)
	if raw, ok := body[key]; ok {
		if err := json.Unmarshal(raw, v); err != nil {
			return nil, fmt.Errorf("%s API %s: decoding %q: %w", serviceManila, operation, key, err)
		}
	}
	return v, nil
}

// query is a list query for gophercloud's pagers: it implements their
// ListOptsBuilder interfaces with filters they do not know, and pages by
// offset with the provider's page size.
type query url.Values

func (q query) encode() (string, error) {
	v := url.Values{}
	for k, vs := range q {
		v[k] = vs
	}
	v.Set("limit", strconv.Itoa(pageSize))
	return "?" + v.Encode(), nil
}

// ToShareListQuery implements shares.ListOptsBuilder.
func (q query) ToShareListQuery() (string, error) { return q.encode() }

// ToSnapshotListQuery implements snapshots.ListOptsBuilder.
func (q query) ToSnapshotListQuery() (string, error) { return q.encode() }

// ToReplicaListQuery implements replicas.ListOptsBuilder.
func (q query) ToReplicaListQuery() (string, error) { return q.encode() }

// everyPage reads every page of a gophercloud pager, decoding the list
// under key of each.
func everyPage[T any](ctx context.Context, operation string, pager pagination.Pager, key string) ([]T, error) {
	all := []T{}
	err := pager.EachPage(ctx, func(_ context.Context, p pagination.Page) (bool, error) {
		var body map[string]json.RawMessage
		page, ok := p.(interface{ ExtractInto(any) error })
		if !ok {
			return false, fmt.Errorf("a page of type %T cannot be decoded", p)
		}
		if err := page.ExtractInto(&body); err != nil {
			return false, err
		}
		var items []T
		if raw, ok := body[key]; ok {
			if err := json.Unmarshal(raw, &items); err != nil {
				return false, fmt.Errorf("decoding %q: %w", key, err)
			}
		}
		all = append(all, items...)
		return true, nil
	})
	if err != nil {
		return nil, apiError(operation, err)
	}
	return all, nil
}

// CreateShare creates a share (200, status creating).
func (c *Client) CreateShare(ctx context.Context, in ShareCreate) (*Share, error) {
	sc, _, err := c.gc(ctx)
	if err != nil {
		return nil, err
	}
	opts := shares.CreateOpts{
		Name: in.Name, Description: in.Description, ShareProto: in.ShareProto, Size: in.Size, ShareType: in.ShareTypeID,
		ShareNetworkID: in.ShareNetworkID, SnapshotID: in.SnapshotID, AvailabilityZone: in.AvailabilityZone,
		Metadata: in.Metadata, ShareGroupID: in.ShareGroupID, ConsistencyGroupID: in.ConsistencyGroupID,
	}
	if in.IsPublic {
		opts.IsPublic = conv.Ptr(true)
	}
	return extract[Share](shares.Create(ctx, sc, opts).Result, "POST /shares", "share")
}

// GetShare reads a share; a missing one gives an apierr.NotFoundError.
func (c *Client) GetShare(ctx context.Context, id string) (*Share, error) {
	sc, _, err := c.gc(ctx)
	if err != nil {
		return nil, err
	}
	s, err := extract[Share](shares.Get(ctx, sc, id).Result, "GET /shares/"+id, "share")
	return s, objectNotFound(shareKind, id, err)
}

// ListShares lists the project's shares in detail with the server's
// filters (name, status, share_group_id, …): every page.
func (c *Client) ListShares(ctx context.Context, filters url.Values) ([]Share, error) {
	sc, _, err := c.gc(ctx)
	if err != nil {
		return nil, err
	}
	return everyPage[Share](ctx, "GET /shares/detail", shares.ListDetail(sc, query(filters)), "shares")
}

// UpdateShare changes the name, description and visibility (200). An
// empty name or description clears it.
func (c *Client) UpdateShare(ctx context.Context, id string, name, description *string, public *bool) (*Share, error) {
	sc, _, err := c.gc(ctx)
	if err != nil {
		return nil, err
	}
	opts := shares.UpdateOpts{DisplayName: name, DisplayDescription: description, IsPublic: public}
	s, err := extract[Share](shares.Update(ctx, sc, id, opts).Result, "PUT /shares/"+id, "share")
	return s, objectNotFound(shareKind, id, err)
}

// DeleteShare deletes a share (202, then deleting). A share in a share
// group (or a consistency group) is deleted with the group's ID as a
// parameter, which gophercloud's shares.Delete cannot add
// (manila-groups.md §13.1).
func (c *Client) DeleteShare(ctx context.Context, s *Share) error {
	q := url.Values{}
	switch {
	case s.ShareGroupID != nil:
		q.Set("share_group_id", *s.ShareGroupID)
	case s.ConsistencyGroupID != nil:
		q.Set("consistency_group_id", *s.ConsistencyGroupID)
	}
	if len(q) > 0 {
		return objectNotFound(shareKind, s.ID, c.do(ctx, call{method: http.MethodDelete, path: []string{"shares", s.ID}, query: q}, nil))
	}
	sc, _, err := c.gc(ctx)
	if err != nil {
		return err
	}
	return objectNotFound(shareKind, s.ID, apiError("DELETE /shares/"+s.ID, shares.Delete(ctx, sc, s.ID).ExtractErr()))
}

// ResizeShare extends (or shrinks) a share to size GiB (202). Below 2.7
// the actions carry their os- names, which gophercloud does not send.
func (c *Client) ResizeShare(ctx context.Context, id string, size int, grow bool) error {
	sc, v, err := c.gc(ctx)
	if err != nil {
		return err
	}
	name := "shrink"
	if grow {
		name = "extend"
	}
	if v.Less(plainActions) {
		return c.action(ctx, "shares", shareKind, id, name, map[string]int{"new_size": size})
	}
	if grow {
		err = shares.Extend(ctx, sc, id, shares.ExtendOpts{NewSize: size}).ExtractErr()
	} else {
		err = shares.Shrink(ctx, sc, id, shares.ShrinkOpts{NewSize: size}).ExtractErr()
	}
	return objectNotFound(shareKind, id, apiError("POST /shares/"+id+"/action "+name, err))
}

// RevertShare reverts a share to its latest snapshot (2.27, 202).
func (c *Client) RevertShare(ctx context.Context, id, snapshotID string) error {
	if err := c.Require(ctx, revertAPI); err != nil {
		return err
	}
	sc, _, err := c.gc(ctx)
	if err != nil {
		return err
	}
	err = shares.Revert(ctx, sc, id, shares.RevertOpts{SnapshotID: snapshotID}).ExtractErr()
	return objectNotFound(shareKind, id, apiError("POST /shares/"+id+"/action revert", err))
}

// SetShareMetadata merges metadata into a share's (200).
func (c *Client) SetShareMetadata(ctx context.Context, id string, md map[string]string) error {
	sc, _, err := c.gc(ctx)
	if err != nil {
		return err
	}
	_, err = shares.UpdateMetadata(ctx, sc, id, shares.UpdateMetadataOpts{Metadata: md}).Extract()
	return objectNotFound(shareKind, id, apiError("POST /shares/"+id+"/metadata", err))
}

// DeleteShareMetadatum removes one key of a share's metadata (200); a key
// that is gone already is no error.
func (c *Client) DeleteShareMetadatum(ctx context.Context, id, key string) error {
	sc, _, err := c.gc(ctx)
	if err != nil {
		return err
	}
	err = apiError("DELETE /shares/"+id+"/metadata/"+key, shares.DeleteMetadatum(ctx, sc, id, key).ExtractErr())
	if isNotFoundStatus(err) {
		if _, gerr := c.GetShare(ctx, id); gerr != nil {
			return gerr
		}
		return nil
	}
	return err
}

// ShareExportLocations lists where a share is mounted from: the export
// locations API from 2.9, the paths of the share's view before.
func (c *Client) ShareExportLocations(ctx context.Context, s *Share) ([]ExportLocation, error) {
	sc, v, err := c.gc(ctx)
	if err != nil {
		return nil, err
	}
	if !exportLocationAPI.within(v) {
		out := make([]ExportLocation, 0, len(s.ExportPaths))
		for _, p := range s.ExportPaths {
			out = append(out, ExportLocation{Path: p})
		}
		return out, nil
	}
	var body struct {
		ExportLocations []ExportLocation `json:"export_locations"`
	}
	err = shares.ListExportLocations(ctx, sc, s.ID).ExtractInto(&body)
	if err != nil {
		return nil, objectNotFound(shareKind, s.ID, apiError("GET /shares/"+s.ID+"/export_locations", err))
	}
	if body.ExportLocations == nil {
		body.ExportLocations = []ExportLocation{}
	}
	return body.ExportLocations, nil
}

// ForceDeleteShare removes a share at once (admin only). When the answer
// is lost, a share gone or deleting counts as force-deleted.
func (c *Client) ForceDeleteShare(ctx context.Context, id string) error {
	return c.adminAction(ctx, "shares", shareKind, id, "force_delete", nil,
		forceDeleted(c.GetShare, func(s *Share) string { return s.Status }, id))
}

// ResetShareStatus sets the status of a share (admin only).
func (c *Client) ResetShareStatus(ctx context.Context, id, status string) error {
	return c.adminAction(ctx, "shares", shareKind, id, "reset_status", map[string]string{"status": status}, func(ctx context.Context) (bool, error) {
		s, err := c.GetShare(ctx, id)
		if err != nil {
			return false, err
		}
		return s.Status == status, nil
	})
}

// FindCreatedShare returns the share that the creation in, sent at since,
// made when its answer was lost: the share of the project with the same
// name, protocol, size, type, network, group, snapshot and zone (those the
// creation set), created not before since. Several are an error.
func (c *Client) FindCreatedShare(ctx context.Context, in ShareCreate, since time.Time) (*Share, bool, error) {
	filters := url.Values{}
	if in.Name != "" {
		filters.Set("name", in.Name)
	}
	all, err := c.ListShares(ctx, filters)
	if err != nil {
		return nil, false, err
	}
	set := func(v string) *string {
		if v == "" {
			return nil
		}
		return &v
	}
	return lostCreation(shareKind, in.Name, all, since, func(s *Share) bool {
		return conv.Deref(s.Name) == in.Name && s.ShareProto == in.ShareProto && int(s.Size) == in.Size && createdSince(s.CreatedAt, since) &&
			(in.ShareTypeID == "" || conv.Deref(s.ShareType) == in.ShareTypeID) &&
			sameString(set(in.ShareNetworkID), s.ShareNetworkID) && sameString(set(in.SnapshotID), s.SnapshotID) &&
			(in.ShareGroupID == "" || sameString(set(in.ShareGroupID), s.ShareGroupID)) &&
			(in.ConsistencyGroupID == "" || sameString(set(in.ConsistencyGroupID), s.ConsistencyGroupID)) &&
			(in.AvailabilityZone == "" || sameString(set(in.AvailabilityZone), s.AvailabilityZone))
	}, func(s *Share) string { return s.ID })
}
