package sdrs

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Replication pair statuses (OTC appendixes/replication_pair_status.rst);
// during and after protection group actions a pair takes its group's
// status (starting, protected, failed-over, error-stopping, ...).
const (
	pairCreating      = "creating"
	pairAvailable     = "available"
	pairDeleting      = "deleting"
	pairErrorDeleting = "error-deleting"
	pairError         = "error"
)

// Statuses in which a replication pair, and its group, may be deleted
// (OTC deleting_a_replication_pair.rst).
var (
	pairDeletableGroupStatus = []string{
		statusAvailable, statusProtected, statusFailedOver, statusErrorStarting, statusErrorStopping,
		statusErrorReversing, statusErrorFailingOver, statusErrorDeleting, statusErrorReprotecting,
	}
	pairDeletableStatus = []string{
		pairAvailable, statusProtected, statusFailedOver, pairError, statusErrorStarting, statusErrorStopping,
		statusErrorReversing, statusErrorFailingOver, pairErrorDeleting, statusErrorReprotecting,
		"error-attaching", "error-extending", "invalid", "fault",
	}
)

// createPairRequest is the replication of POST /replications.
type createPairRequest struct {
	ServerGroupID *string `json:"server_group_id"`
	VolumeID      *string `json:"volume_id"`
	Name          *string `json:"name"`
	Description   *string `json:"description"`
	ClusterID     *string `json:"cluster_id"`
}

// createPair validates the request and submits a createReplicationPairNoCG
// job; the DR-site disk is created with the pair.
func (a *API) createPair(w http.ResponseWriter, _ *http.Request, body []byte, now time.Time) *apiError {
	var req createPairRequest
	if e := decodeBody(body, "replication", &req); e != nil {
		return e
	}
	g, ok := a.groups[deref(req.ServerGroupID)]
	if !ok {
		return sdrsError("SDRS.1013", "no protection group has the ID "+strconv.Quote(deref(req.ServerGroupID)))
	}
	if err := validName(deref(req.Name)); err != nil {
		return sdrsError("SDRS.0202", err.Error())
	}
	if req.Description != nil {
		if err := validDescription(*req.Description); err != nil {
			return sdrsError("SDRS.0212", err.Error())
		}
	}
	if req.ClusterID != nil {
		return sdrsError("SDRS.0201", "the sandbox has no dedicated distributed storage pools: cluster_id must be omitted")
	}
	v, ok := a.volumes[deref(req.VolumeID)]
	if !ok {
		return sdrsError("SDRS.0211", "no disk has the ID "+strconv.Quote(deref(req.VolumeID)))
	}
	if v.pairID != "" {
		return sdrsError("SDRS.1811", "disk "+v.id+" is used by replication pair "+v.pairID)
	}
	if g.status != statusAvailable && g.status != statusProtected {
		return sdrsError("SDRS.1024", "the protection group is "+g.status)
	}
	if v.az != g.productionAZ() {
		return sdrsError("SDRS.1810", "disk "+v.id+" is in "+v.az+", the protection group's production site is "+g.productionAZ())
	}
	p := &pair{
		id:                uuid.NewString(),
		name:              *req.Name,
		description:       req.Description,
		groupID:           g.id,
		volumeID:          v.id,
		status:            pairCreating,
		replicationStatus: replInactive,
		seq:               a.nextSeq(),
		createdAt:         now,
		updatedAt:         now,
	}
	v.pairID = p.id
	failCode := ""
	if fails(p.description, "CREATE") {
		failCode = codeCreatePairFailed
	}
	p.job = a.submit(now, jobCreatePair, map[string]string{"replication_pair_id": p.id, "volume_ids": v.id}, failCode)
	p.job.onSuccess = func(t time.Time) {
		p.targetVolumeID = uuid.NewSHA1(fixtureNamespace, []byte("dr-volume/"+p.id)).String()
		p.status, p.updatedAt, p.job = pairAvailable, t, nil
		// A pair added to a protected group is protected at once.
		if grp := a.groups[p.groupID]; grp != nil && grp.status == statusProtected {
			p.status, p.replicationStatus = statusProtected, replActive
		}
	}
	p.job.onFailure = func(t time.Time) {
		p.status, p.updatedAt, p.job = pairError, t, nil
		p.failureDetail = strPtr(codeCreatePairFailed)
	}
	a.pairs[p.id] = p
	writeJSON(w, http.StatusOK, map[string]string{"job_id": p.job.id})
	return nil
}

// findPair returns the pair in the path, or SDRS.1608.
func (a *API) findPair(r *http.Request) (*pair, *apiError) {
	p, ok := a.pairs[r.PathValue("replication_id")]
	if !ok {
		return nil, sdrsError("SDRS.1608", "")
	}
	return p, nil
}

func (a *API) getPair(w http.ResponseWriter, r *http.Request, _ []byte, _ time.Time) *apiError {
	p, e := a.findPair(r)
	if e != nil {
		return e
	}
	writeJSON(w, http.StatusOK, map[string]any{"replication": a.pairView(p)})
	return nil
}

func (a *API) renamePair(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	p, e := a.findPair(r)
	if e != nil {
		return e
	}
	var req struct {
		Name *string `json:"name"`
	}
	if e := decodeBody(body, "replication", &req); e != nil {
		return e
	}
	if err := validName(deref(req.Name)); err != nil {
		return sdrsError("SDRS.0202", err.Error())
	}
	p.name, p.updatedAt = *req.Name, now
	writeJSON(w, http.StatusOK, map[string]any{"replication": a.pairView(p)})
	return nil
}

// deletePair submits a deleteReplicationPairNoCG job. The body
// {"replication": {"server_group_id", "delete_target_volume"}} is optional.
func (a *API) deletePair(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	p, e := a.findPair(r)
	if e != nil {
		return e
	}
	var req struct {
		ServerGroupID      *string `json:"server_group_id"`
		DeleteTargetVolume *bool   `json:"delete_target_volume"`
	}
	if len(strings.TrimSpace(string(body))) > 0 {
		if e := decodeBody(body, "replication", &req); e != nil {
			return e
		}
	}
	if req.ServerGroupID != nil && *req.ServerGroupID != p.groupID {
		return sdrsError("SDRS.1611", "replication pair "+p.id+" belongs to protection group "+p.groupID)
	}
	if !slices.Contains(pairDeletableStatus, p.status) {
		return sdrsError("SDRS.0214", "the replication pair is "+p.status)
	}
	if g := a.groups[p.groupID]; g != nil && !slices.Contains(pairDeletableGroupStatus, g.status) {
		return sdrsError("SDRS.1002", "the protection group is "+g.status)
	}
	failCode := ""
	if fails(p.description, "DELETE") {
		failCode = codeDeletePairFailed
	}
	p.status, p.updatedAt = pairDeleting, now
	p.job = a.submit(now, jobDeletePair, map[string]string{"replication_pair_id": p.id}, failCode)
	p.job.onSuccess = func(time.Time) {
		delete(a.pairs, p.id)
		if v := a.volumes[p.volumeID]; v != nil && v.pairID == p.id {
			v.pairID = ""
		}
	}
	p.job.onFailure = func(t time.Time) { p.status, p.updatedAt, p.job = pairErrorDeleting, t, nil }
	writeJSON(w, http.StatusOK, map[string]string{"job_id": p.job.id})
	return nil
}

// listPairs answers the pairs that match server_group_id, name (fuzzy) and
// status, oldest first, one page of them, with count.
func (a *API) listPairs(w http.ResponseWriter, r *http.Request, _ []byte, _ time.Time) *apiError {
	q := r.URL.Query()
	limit, offset, e := pagination(q)
	if e != nil {
		return e
	}
	var matched []*pair
	for _, p := range a.pairs {
		switch {
		case q.Has("server_group_id") && p.groupID != q.Get("server_group_id"):
		case q.Has("name") && !strings.Contains(p.name, q.Get("name")):
		case q.Has("status") && p.status != q.Get("status"):
		default:
			matched = append(matched, p)
		}
	}
	slices.SortFunc(matched, func(x, y *pair) int { return x.seq - y.seq })
	views := make([]pairView, 0, len(matched))
	for _, p := range page(matched, limit, offset) {
		views = append(views, a.pairView(p))
	}
	writeJSON(w, http.StatusOK, map[string]any{"replications": views, "count": len(matched)})
	return nil
}
