package sdrs

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// createPair validates the request and submits a createReplicationPairNoCG
// job; the DR-site disk is created with the pair.
func (a *API) createPair(w http.ResponseWriter, _ *http.Request, body []byte, now time.Time) *apiError {
	req, e := decodeRequest[createPairRequest](body, "replication")
	if e != nil {
		return e
	}
	g, v, e := a.checkCreatePair(req)
	if e != nil {
		return e
	}
	p := &replicationPair{
		id:                uuid.NewString(),
		name:              *req.Name,
		description:       req.Description,
		groupID:           g.id,
		volumeID:          v.id,
		status:            pairCreating,
		replicationStatus: replInactive,
		createdAt:         now,
		updatedAt:         now,
	}
	v.pairID = p.id
	p.job = a.submit(now, jobCreatePair, p.id, map[string]string{"replication_pair_id": p.id, "volume_ids": v.id}, p.description)
	a.about(p.job, g.id, p.id, p.name)
	p.job.effect = jobEffect{pair: p}
	a.bind(p.job)
	a.pairs.Add(p)
	writeJobID(w, p.job)
	return nil
}

// findPair returns the pair in the path, or SDRS.1608.
func (a *API) findPair(r *http.Request) (*replicationPair, *apiError) {
	return findRow(a.pairs, r, "replication_id", "SDRS.1608")
}

func (a *API) getPair(w http.ResponseWriter, r *http.Request, _ []byte, _ time.Time) *apiError {
	p, e := a.findPair(r)
	if e != nil {
		return e
	}
	a.observe(p.job)
	writeJSON(w, http.StatusOK, map[string]any{"replication": a.pairView(p)})
	return nil
}

func (a *API) renamePair(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	p, e := a.findPair(r)
	if e != nil {
		return e
	}
	name, e := decodeName(body, "replication")
	if e != nil {
		return e
	}
	p.name, p.updatedAt = name, now
	writeJSON(w, http.StatusOK, map[string]any{"replication": a.pairView(p)})
	return nil
}

// deletePair submits a deleteReplicationPairNoCG job; once it ends the pair
// is gone and its disk free again.
func (a *API) deletePair(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	p, e := a.findPair(r)
	if e != nil {
		return e
	}
	if e := a.checkDeletePair(p, body); e != nil {
		return e
	}
	p.status, p.updatedAt = pairDeleting, now
	p.job = a.submit(now, jobDeletePair, p.id, map[string]string{"replication_pair_id": p.id}, p.description)
	a.about(p.job, p.groupID, p.id, p.name)
	p.job.effect = jobEffect{pair: p}
	a.bind(p.job)
	writeJobID(w, p.job)
	return nil
}

// listPairs answers the pairs that match the filters, oldest first, one
// page of them, with the number that match as count.
func (a *API) listPairs(w http.ResponseWriter, r *http.Request, _ []byte, _ time.Time) *apiError {
	f, e := parsePairQuery(r.URL.Query())
	if e != nil {
		return e
	}
	matched := a.pairs.Filter(func(p *replicationPair) bool { return a.pairMatches(f, p) })
	writeList(w, "replications", matched, f.paging, func(p *replicationPair) pairView {
		a.observe(p.job)
		return a.pairView(p)
	})
	return nil
}

// maxDiskGB is the largest EVS disk, in GB.
const maxDiskGB = 32768

// pairAction applies POST /replications/{id}/action: only
// {"extend-replication": {"new_size": N}}, which submits an
// expandReplicationPairNew job that grows both disks to N GB; the pair is
// "extending" until it ends (sdrs.md §13).
func (a *API) pairAction(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	p, e := a.findPair(r)
	if e != nil {
		return e
	}
	var actions map[string]json.RawMessage
	if err := json.Unmarshal(body, &actions); err != nil || len(actions) != 1 {
		return sdrsError("SDRS.0201", "the body must hold exactly one action")
	}
	raw, ok := actions["extend-replication"]
	if !ok {
		return sdrsError("SDRS.0206", "the only action of a replication pair is extend-replication")
	}
	var req struct {
		NewSize *float64 `json:"new_size"`
	}
	if err := json.Unmarshal(raw, &req); err != nil || req.NewSize == nil {
		return sdrsError("SDRS.0201", "extend-replication must be {\"new_size\": GB}")
	}
	size := int(*req.NewSize) // decimals are truncated (sdrs.md §13)
	v, _ := a.volumes.Get(p.volumeID)
	switch {
	case !slices.Contains([]string{pairAvailable, statusProtected, "error-extending"}, p.status):
		return sdrsError("SDRS.0214", "the replication pair is "+p.status)
	case size <= v.sizeGB:
		return sdrsError("SDRS.0201", "new_size "+strconv.Itoa(size)+" GB must be larger than the disks' "+strconv.Itoa(v.sizeGB)+" GB")
	case size > maxDiskGB:
		return sdrsError("SDRS.0201", "new_size must be at most 32768 GB")
	}
	before := p.status
	if before == "error-extending" {
		before = pairAvailable
		if g, ok := a.groups.Get(p.groupID); ok {
			before = pairStatusAfter(g.status)
		}
	}
	p.status, p.updatedAt = pairExtending, now
	p.job = a.submit(now, jobExpandPair, p.id, map[string]string{"replication_pair_id": p.id}, p.description)
	a.about(p.job, p.groupID, p.id, p.name)
	p.job.effect = jobEffect{pair: p, volume: v, size: size, before: before}
	a.bind(p.job)
	writeJobID(w, p.job)
	return nil
}
