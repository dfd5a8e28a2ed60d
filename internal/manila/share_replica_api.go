package manila

import (
	"context"
	"net/url"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/adopt"
	"github.com/gophercloud/gophercloud/v2"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/replicas"
)

// The kind of replicas in messages.
const replicaKind = "share replica"

// Replica states (manila-groups.md §9).
const (
	replicaActive    = "active"
	replicaInSync    = "in_sync"
	replicaOutOfSync = "out_of_sync"
	replicaError     = "error"
	// statusReplicationChange is the status of replicas while one is promoted.
	statusReplicationChange = "replication_change"
)

// ShareReplica is the detail view of a share replica (manila-groups.md
// §9.2). Host, ShareServerID and CastRulesToReadonly are shown to admins
// only; replica_state is null in the answer to the creation.
type ShareReplica struct {
	ID                  string  `json:"id"`
	ShareID             string  `json:"share_id"`
	Status              string  `json:"status"`
	ReplicaState        *string `json:"replica_state"`
	AvailabilityZone    *string `json:"availability_zone"`
	ShareNetworkID      *string `json:"share_network_id"`
	ShareServerID       *string `json:"share_server_id"`
	Host                *string `json:"host"`
	CastRulesToReadonly *bool   `json:"cast_rules_to_readonly"`
	CreatedAt           string  `json:"created_at"`
	UpdatedAt           *string `json:"updated_at"`
}

// replicas returns gophercloud's client once the replica API is known to
// exist at the negotiated microversion.
func (c *Client) replicaClient(ctx context.Context) (*gophercloud.ServiceClient, error) {
	if err := c.Require(ctx, replicaAPI); err != nil {
		return nil, err
	}
	sc, _, err := c.gc(ctx)
	return sc, err
}

// CreateReplica adds a replica of a share in a zone (202, status creating).
func (c *Client) CreateReplica(ctx context.Context, shareID, zone, network string) (*ShareReplica, error) {
	sc, err := c.replicaClient(ctx)
	if err != nil {
		return nil, err
	}
	if network != "" {
		if err := c.Require(ctx, replicaNetworkAPI); err != nil {
			return nil, err
		}
	}
	opts := replicas.CreateOpts{ShareID: shareID, AvailabilityZone: zone, ShareNetworkID: network}
	return extract[ShareReplica](replicas.Create(ctx, sc, opts).Result, "POST /share-replicas", "share_replica")
}

// GetReplica reads a replica; a missing one gives an apierr.NotFoundError.
func (c *Client) GetReplica(ctx context.Context, id string) (*ShareReplica, error) {
	sc, err := c.replicaClient(ctx)
	if err != nil {
		return nil, err
	}
	r, err := extract[ShareReplica](replicas.Get(ctx, sc, id).Result, "GET /share-replicas/"+id, "share_replica")
	return r, notFound(replicaKind, id, err)
}

// ListReplicas lists the replicas of a share in detail (every page).
func (c *Client) ListReplicas(ctx context.Context, shareID string) ([]ShareReplica, error) {
	sc, err := c.replicaClient(ctx)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	if shareID != "" {
		q.Set("share_id", shareID)
	}
	return everyPage[ShareReplica](ctx, "GET /share-replicas/detail", replicas.ListDetail(sc, query(q)), "share_replicas")
}

// DeleteReplica deletes a replica (202, then deleting).
func (c *Client) DeleteReplica(ctx context.Context, id string) error {
	sc, err := c.replicaClient(ctx)
	if err != nil {
		return err
	}
	return notFound(replicaKind, id, apiError("DELETE /share-replicas/"+id, replicas.Delete(ctx, sc, id).ExtractErr()))
}

// PromoteReplica makes a replica the active one (202, replication_change).
// It is sent through adopt.Action: gophercloud expects 202, and Manila
// answers 200 for a replica that is active already, so a replica found
// active (or being promoted) counts as promoted and is not asked again.
func (c *Client) PromoteReplica(ctx context.Context, id string) error {
	sc, err := c.replicaClient(ctx)
	if err != nil {
		return err
	}
	promoted := func(ctx context.Context) (bool, error) {
		r, err := c.GetReplica(ctx, id)
		if err != nil {
			return false, err
		}
		return stateOf(r) == replicaActive || r.Status == statusReplicationChange, nil
	}
	if done, err := promoted(ctx); err != nil || done {
		return err
	}
	return adopt.Action{
		Operation: "promote of " + replicaKind + " " + id,
		Do: func(ctx context.Context) error {
			err := replicas.Promote(ctx, sc, id, replicas.PromoteOpts{}).ExtractErr()
			return notFound(replicaKind, id, apiError("POST /share-replicas/"+id+"/action promote", err))
		},
		Applied: promoted,
	}.Run(ctx)
}

// ResyncReplica asks the back end to resynchronise a replica (admin only,
// 202). The action changes nothing the API shows at once: a lost answer
// is sent again, which is harmless.
func (c *Client) ResyncReplica(ctx context.Context, id string) error {
	sc, err := c.replicaClient(ctx)
	if err != nil {
		return err
	}
	err = replicas.Resync(ctx, sc, id).ExtractErr()
	return notFound(replicaKind, id, apiError("POST /share-replicas/"+id+"/action resync", err))
}

// ResetReplicaState sets the replica_state of a replica that is not
// active (admin only), for tests and repairs.
func (c *Client) ResetReplicaState(ctx context.Context, id, state string) error {
	sc, err := c.replicaClient(ctx)
	if err != nil {
		return err
	}
	err = replicas.ResetState(ctx, sc, id, replicas.ResetStateOpts{State: state}).ExtractErr()
	return notFound(replicaKind, id, apiError("POST /share-replicas/"+id+"/action reset_replica_state", err))
}

// ReplicaExportLocations lists where a replica is mounted from (2.47).
func (c *Client) ReplicaExportLocations(ctx context.Context, id string) ([]ExportLocation, error) {
	sc, err := c.replicaClient(ctx)
	if err != nil {
		return nil, err
	}
	var body struct {
		ExportLocations []ExportLocation `json:"export_locations"`
	}
	if err := replicas.ListExportLocations(ctx, sc, id).ExtractInto(&body); err != nil {
		return nil, notFound(replicaKind, id, apiError("GET /share-replicas/"+id+"/export-locations", err))
	}
	if body.ExportLocations == nil {
		body.ExportLocations = []ExportLocation{}
	}
	return body.ExportLocations, nil
}

// FindCreatedReplica returns the replica that a creation in zone (sent at
// since) made when its answer was lost: the replica of the share in that
// zone (any zone when none was asked) created not before since, other than
// those known before. Replicas have no name: two made in the same zone at
// the same moment cannot be told apart, and are an error.
func (c *Client) FindCreatedReplica(ctx context.Context, shareID, zone string, since time.Time) (*ShareReplica, bool, error) {
	all, err := c.ListReplicas(ctx, shareID)
	if err != nil {
		return nil, false, err
	}
	return lostCreation(replicaKind, shareID+" in "+zone, all, since, func(r *ShareReplica) bool {
		return r.ShareID == shareID && stateOf(r) != replicaActive && createdSince(r.CreatedAt, since) &&
			(zone == "" || (r.AvailabilityZone != nil && *r.AvailabilityZone == zone))
	}, func(r *ShareReplica) string { return r.ID })
}

// stateOf is the replica_state of a replica, "" while it has none.
func stateOf(r *ShareReplica) string {
	if r == nil || r.ReplicaState == nil {
		return ""
	}
	return *r.ReplicaState
}
