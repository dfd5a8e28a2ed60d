package sdrs

import (
	"net/http"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
)

// Replication breaks as it breaks for real: the replication link of a
// protected pair goes down. The pair's status is then "fault" (the status
// SDRS gives when "the synchronization status of the replication pair … is
// abnormal", sdrs.md §9.8), its fault_level "5" (replication link broken, as the API reference lists the
// levels),
// its replication_status "inactive"; the protected instance it is attached
// to is "fault" too, and its protection group's health_status "abnormal".
// The sandbox's own routes break and repair it:
//
//	POST /_sandbox/sdrs/replications/{replication_id}/break   the link goes down
//	POST /_sandbox/sdrs/replications/{replication_id}/repair  it is back: the statuses it broke are back
//
// Both answer 200 with {"replication": ...} as GET shows the pair, 404 for
// an unknown ID and 409 for a pair that does not replicate (not "protected")
// or, for a repair, is not broken; errors as {"error": "..."}. They need no
// signature: like every /_sandbox/ route they are the sandbox's, not the API's.

// PairBreakPath and PairRepairPath are the routes.
const (
	PairBreakPath  = "/_sandbox/sdrs/replications/{replication_id}/break"
	PairRepairPath = "/_sandbox/sdrs/replications/{replication_id}/repair"
)

// Fault levels of a pair: none, and the replication link broken.
const (
	faultNone       = "0"
	faultLinkBroken = "5"
)

// pairBreak is what a break changed, to put back on repair.
type pairBreak struct {
	status, replicationStatus string
	instanceStatus            string
	groupHealth               *string
}

// servePairBreak answers POST PairBreakPath.
func (a *API) servePairBreak(w http.ResponseWriter, r *http.Request) {
	a.editPairLink(w, r, func(p *replicationPair) string {
		if p.broken != nil || p.status != statusProtected {
			return "the replication pair is " + p.status + ": only a protected pair replicates"
		}
		b := &pairBreak{status: p.status, replicationStatus: p.replicationStatus}
		p.status, p.replicationStatus = instanceFault, replInactive
		if inst, ok := a.instances.Get(p.instanceID); ok {
			b.instanceStatus, inst.status = inst.status, instanceFault
		}
		if g, ok := a.groups.Get(p.groupID); ok {
			b.groupHealth, g.healthStatus = g.healthStatus, conv.Ptr("abnormal")
		}
		p.broken = b
		return ""
	})
}

// servePairRepair answers POST PairRepairPath.
func (a *API) servePairRepair(w http.ResponseWriter, r *http.Request) {
	a.editPairLink(w, r, func(p *replicationPair) string {
		b := p.broken
		if b == nil {
			return "the replication pair is not broken"
		}
		p.status, p.replicationStatus, p.broken = b.status, b.replicationStatus, nil
		if inst, ok := a.instances.Get(p.instanceID); ok && inst.status == instanceFault {
			inst.status = b.instanceStatus
		}
		if g, ok := a.groups.Get(p.groupID); ok && !a.anyPairBroken(g.id) {
			g.healthStatus = b.groupHealth
		}
		return ""
	})
}

// anyPairBroken reports whether a pair of the group is broken.
func (a *API) anyPairBroken(groupID string) bool {
	for _, p := range a.pairsOf(groupID) {
		if p.broken != nil {
			return true
		}
	}
	return false
}

// editPairLink applies edit to the pair of the path; edit returns why it
// cannot (409), or "".
func (a *API) editPairLink(w http.ResponseWriter, r *http.Request, edit func(*replicationPair) string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	now := a.now()
	a.settle(now)
	p, ok := a.pairs.Get(r.PathValue("replication_id"))
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no replication pair has this ID"})
		return
	}
	if reason := edit(p); reason != "" {
		writeJSON(w, http.StatusConflict, map[string]string{"error": reason})
		return
	}
	p.updatedAt = now
	writeJSON(w, http.StatusOK, map[string]any{"replication": a.pairView(p)})
}
