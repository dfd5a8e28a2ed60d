package sdrs

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// createGroup validates the request synchronously (400 with the API's code)
// and submits a createProtectionGroupNoCG job; the group is "creating"
// until the job ends, then "available" (or "error" when the job fails).
func (a *API) createGroup(w http.ResponseWriter, _ *http.Request, body []byte, now time.Time) *apiError {
	req, e := a.parseCreateGroup(body)
	if e != nil {
		return e
	}
	if a.groups.Len() >= quotaServerGroups {
		return sdrsError("SDRS.0305", "the project has "+strconv.Itoa(a.groups.Len())+" protection groups")
	}
	g := &protectionGroup{
		id:          uuid.NewString(),
		name:        *req.Name,
		description: req.Description,
		sourceAZ:    *req.SourceAvailabilityZone,
		targetAZ:    *req.TargetAvailabilityZone,
		domainID:    DomainID,
		sourceVPC:   *req.SourceVPCID,
		drType:      "migration",
		status:      statusCreating,
		priority:    "source",
		createdAt:   now,
		updatedAt:   now,
	}
	g.job = a.submit(now, jobCreateGroup, g.id, map[string]string{"server_group_id": g.id}, g.description)
	a.about(g.job, g.id, g.id, g.name)
	g.job.effect = jobEffect{group: g}
	a.bind(g.job)
	a.groups.Add(g)
	writeJobID(w, g.job)
	return nil
}

// findGroup returns the group in the path, or SDRS.1013.
func (a *API) findGroup(r *http.Request) (*protectionGroup, *apiError) {
	return findRow(a.groups, r, "server_group_id", "SDRS.1013")
}

func (a *API) getGroup(w http.ResponseWriter, r *http.Request, _ []byte, now time.Time) *apiError {
	g, e := a.findGroup(r)
	if e != nil {
		return e
	}
	a.observe(g.job)
	writeJSON(w, http.StatusOK, map[string]any{"server_group": a.groupView(g, now)})
	return nil
}

// renameGroup changes the name, the only field the API can change, and
// answers 200 with the group (sdrs.md §1.5).
func (a *API) renameGroup(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	g, e := a.findGroup(r)
	if e != nil {
		return e
	}
	name, e := decodeName(body, "server_group")
	if e != nil {
		return e
	}
	g.name, g.updatedAt = name, now
	writeJSON(w, http.StatusOK, map[string]any{"server_group": a.groupView(g, now)})
	return nil
}

// deleteGroup submits a deleteProtectionGroupNoCG job. A group with
// protected instances (SDRS.1001), DR drills (SDRS.1003) or replication
// pairs (SDRS.1010) cannot be deleted, nor one with a job under way
// (SDRS.1002).
func (a *API) deleteGroup(w http.ResponseWriter, r *http.Request, _ []byte, now time.Time) *apiError {
	g, e := a.findGroup(r)
	if e != nil {
		return e
	}
	if n := len(a.instancesOf(g.id)); n > 0 {
		return sdrsError("SDRS.1001", "the protection group has "+strconv.Itoa(n)+" protected instance(s); delete them first")
	}
	if n := len(a.drillsOf(g.id)); n > 0 {
		return sdrsError("SDRS.1003", "the protection group has "+strconv.Itoa(n)+" DR drill(s); delete them first")
	}
	if n := len(a.pairsOf(g.id)); n > 0 {
		return sdrsError("SDRS.1010", "the protection group has "+strconv.Itoa(n)+" replication pair(s); delete them first")
	}
	if transitional[g.status] {
		return sdrsError("SDRS.1002", "the protection group is "+g.status)
	}
	g.status, g.updatedAt = statusDeleting, now
	g.job = a.submit(now, jobDeleteGroup, g.id, map[string]string{"server_group_id": g.id}, g.description)
	a.about(g.job, g.id, g.id, g.name)
	g.job.effect = jobEffect{group: g}
	a.bind(g.job)
	writeJobID(w, g.job)
	return nil
}

// listGroups answers the groups that match the filters, newest first, one
// page of them, with the number that match as count.
func (a *API) listGroups(w http.ResponseWriter, r *http.Request, _ []byte, now time.Time) *apiError {
	f, e := parseGroupQuery(r.URL.Query())
	if e != nil {
		return e
	}
	matched := a.groups.Filter(func(g *protectionGroup) bool { return f.matches(g) && (!f.noDrill || !a.drilledSince(g, now)) })
	slices.Reverse(matched)
	writeList(w, "server_groups", matched, f.paging, func(g *protectionGroup) groupView {
		a.observe(g.job)
		return a.groupView(g, now)
	})
	return nil
}

// groupAction checks the action's body and the group's preconditions
// synchronously, then submits the action's job.
func (a *API) groupAction(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	g, e := a.findGroup(r)
	if e != nil {
		return e
	}
	name, value, e := parseAction(body)
	if e != nil {
		return e
	}
	for _, inst := range a.instancesOf(g.id) {
		if !settledInstance(inst) {
			return sdrsError("SDRS.1002", "protected instance "+inst.id+" is "+inst.status)
		}
	}
	plan, e := a.planAction(g, name, value)
	if e != nil {
		return e
	}
	a.runAction(g, plan, now)
	writeJobID(w, g.job)
	return nil
}
