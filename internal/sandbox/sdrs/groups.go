package sdrs

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// createGroupRequest is the server_group of POST /server-groups. Unknown
// fields (such as the seed's server_type) are ignored, as the API does.
type createGroupRequest struct {
	Name                   *string `json:"name"`
	Description            *string `json:"description"`
	SourceAvailabilityZone *string `json:"source_availability_zone"`
	TargetAvailabilityZone *string `json:"target_availability_zone"`
	DomainID               *string `json:"domain_id"`
	SourceVPCID            *string `json:"source_vpc_id"`
	DRType                 *string `json:"dr_type"`
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// createGroup validates the request synchronously (400 with the API's code)
// and submits a createProtectionGroupNoCG job; the group is "creating"
// until the job ends, then "available" (or "error" when the job fails).
func (a *API) createGroup(w http.ResponseWriter, _ *http.Request, body []byte, now time.Time) *apiError {
	var req createGroupRequest
	if e := decodeBody(body, "server_group", &req); e != nil {
		return e
	}
	if err := validName(deref(req.Name)); err != nil {
		return sdrsError("SDRS.0202", err.Error())
	}
	if req.Description != nil {
		if err := validDescription(*req.Description); err != nil {
			return sdrsError("SDRS.0212", err.Error())
		}
	}
	if deref(req.DomainID) != DomainID {
		return sdrsError("SDRS.0205", "no active-active domain has the ID "+strconv.Quote(deref(req.DomainID)))
	}
	source, target := deref(req.SourceAvailabilityZone), deref(req.TargetAvailabilityZone)
	for _, az := range []struct{ name, value string }{{"source_availability_zone", source}, {"target_availability_zone", target}} {
		if az.value != AZ1 && az.value != AZ2 {
			return sdrsError("SDRS.0203", az.name+" "+strconv.Quote(az.value)+" is not an AZ of the active-active domain ("+AZ1+", "+AZ2+")")
		}
	}
	if source == target {
		return sdrsError("SDRS.0203", "source_availability_zone and target_availability_zone must differ")
	}
	if deref(req.SourceVPCID) != VPCID {
		return sdrsError("SDRS.0204", "no VPC has the ID "+strconv.Quote(deref(req.SourceVPCID)))
	}
	drType := "migration"
	if req.DRType != nil {
		if *req.DRType != "migration" {
			return sdrsError("SDRS.0201", "dr_type must be migration")
		}
	}
	g := &group{
		id:          uuid.NewString(),
		name:        *req.Name,
		description: req.Description,
		sourceAZ:    source,
		targetAZ:    target,
		domainID:    DomainID,
		sourceVPC:   VPCID,
		drType:      drType,
		status:      statusCreating,
		priority:    "source",
		seq:         a.nextSeq(),
		createdAt:   now,
		updatedAt:   now,
	}
	failCode := ""
	if fails(g.description, "CREATE") {
		failCode = codeCreateGroupFailed
	}
	g.job = a.submit(now, jobCreateGroup, map[string]string{"server_group_id": g.id}, failCode)
	g.job.onSuccess = func(t time.Time) { g.status, g.updatedAt, g.job = statusAvailable, t, nil }
	g.job.onFailure = func(t time.Time) {
		g.status, g.updatedAt, g.job = statusError, t, nil
		g.healthStatus = strPtr("abnormal")
	}
	a.groups[g.id] = g
	writeJSON(w, http.StatusOK, map[string]string{"job_id": g.job.id})
	return nil
}

// findGroup returns the group in the path, or SDRS.1013.
func (a *API) findGroup(r *http.Request) (*group, *apiError) {
	g, ok := a.groups[r.PathValue("server_group_id")]
	if !ok {
		return nil, sdrsError("SDRS.1013", "")
	}
	return g, nil
}

func (a *API) getGroup(w http.ResponseWriter, r *http.Request, _ []byte, now time.Time) *apiError {
	g, e := a.findGroup(r)
	if e != nil {
		return e
	}
	writeJSON(w, http.StatusOK, map[string]any{"server_group": a.groupView(g, now)})
	return nil
}

// renameGroup changes the name, the only field the API can change, and
// answers 200 with the group.
func (a *API) renameGroup(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError {
	g, e := a.findGroup(r)
	if e != nil {
		return e
	}
	var req struct {
		Name *string `json:"name"`
	}
	if e := decodeBody(body, "server_group", &req); e != nil {
		return e
	}
	if err := validName(deref(req.Name)); err != nil {
		return sdrsError("SDRS.0202", err.Error())
	}
	g.name, g.updatedAt = *req.Name, now
	writeJSON(w, http.StatusOK, map[string]any{"server_group": a.groupView(g, now)})
	return nil
}

// deleteGroup submits a deleteProtectionGroupNoCG job. A group with
// replication pairs cannot be deleted (SDRS.1010), nor one with a job under
// way (SDRS.1002).
func (a *API) deleteGroup(w http.ResponseWriter, r *http.Request, _ []byte, now time.Time) *apiError {
	g, e := a.findGroup(r)
	if e != nil {
		return e
	}
	if n := len(a.pairsOf(g.id)); n > 0 {
		return sdrsError("SDRS.1010", "the protection group has "+strconv.Itoa(n)+" replication pair(s); delete them first")
	}
	if transitional[g.status] {
		return sdrsError("SDRS.1002", "the protection group is "+g.status)
	}
	failCode := ""
	if fails(g.description, "DELETE") {
		failCode = codeDeleteGroupFailed
	}
	g.status, g.updatedAt = statusDeleting, now
	g.job = a.submit(now, jobDeleteGroup, map[string]string{"server_group_id": g.id}, failCode)
	g.job.onSuccess = func(time.Time) { delete(a.groups, g.id) }
	g.job.onFailure = func(t time.Time) {
		g.status, g.updatedAt, g.job = statusErrorDeleting, t, nil
		g.healthStatus = strPtr("abnormal")
	}
	writeJSON(w, http.StatusOK, map[string]string{"job_id": g.job.id})
	return nil
}

// queryTypes are the list filters of query_type; "" and "general" filter
// nothing. The SDK's enum value " stop_protected" (with a space) is not one
// of them: the API documents "stop_protected".
var queryTypes = map[string]func(g *group) bool{
	"":                   func(*group) bool { return true },
	"general":            func(*group) bool { return true },
	"status_abnormal":    func(g *group) bool { return strings.HasPrefix(g.status, "error") },
	"stop_protected":     func(g *group) bool { return g.status == statusAvailable || g.status == statusFailedOver },
	"period_no_dr_drill": func(*group) bool { return true }, // the sandbox has no DR drills
}

// pagination parses limit (0 to 1000, default 1000; SDRS.0221) and offset
// (non-negative, default 0; SDRS.0222).
func pagination(q url.Values) (limit, offset int, e *apiError) {
	limit = 1000
	if s, ok := q["limit"]; ok {
		n, err := strconv.Atoi(s[0])
		if err != nil || n < 0 || n > 1000 {
			return 0, 0, sdrsError("SDRS.0221", "")
		}
		limit = n
	}
	if s, ok := q["offset"]; ok {
		n, err := strconv.Atoi(s[0])
		if err != nil || n < 0 {
			return 0, 0, sdrsError("SDRS.0222", "")
		}
		offset = n
	}
	return limit, offset, nil
}

// page returns items[offset:offset+limit].
func page[T any](items []T, limit, offset int) []T {
	if offset >= len(items) {
		return []T{}
	}
	return items[offset:min(len(items), offset+limit)]
}

// listGroups answers the groups that match the filters, newest first, one
// page of them, with the number that match as count.
func (a *API) listGroups(w http.ResponseWriter, r *http.Request, _ []byte, now time.Time) *apiError {
	q := r.URL.Query()
	limit, offset, e := pagination(q)
	if e != nil {
		return e
	}
	byType, ok := queryTypes[q.Get("query_type")]
	if !ok {
		return sdrsError("SDRS.0201", "query_type "+strconv.Quote(q.Get("query_type"))+" is not status_abnormal, stop_protected, period_no_dr_drill or general")
	}
	var matched []*group
	for _, g := range a.groups {
		switch {
		case q.Has("status") && g.status != q.Get("status"):
		case q.Has("name") && !strings.Contains(g.name, q.Get("name")):
		case q.Has("availability_zone") && g.productionAZ() != q.Get("availability_zone"):
		case !byType(g):
		default:
			matched = append(matched, g)
		}
	}
	slices.SortFunc(matched, func(x, y *group) int { return y.seq - x.seq })
	views := make([]groupView, 0, limit)
	for _, g := range page(matched, limit, offset) {
		views = append(views, a.groupView(g, now))
	}
	writeJSON(w, http.StatusOK, map[string]any{"server_groups": views, "count": len(matched)})
	return nil
}

func (a *API) getJob(w http.ResponseWriter, r *http.Request, _ []byte, now time.Time) *apiError {
	j, ok := a.jobs[r.PathValue("job_id")]
	if !ok {
		return sdrsError("SDRS.0408", "no job has the ID "+strconv.Quote(r.PathValue("job_id")))
	}
	writeJSON(w, http.StatusOK, j.view(now))
	return nil
}

func (a *API) listDomains(w http.ResponseWriter, _ *http.Request, _ []byte, _ time.Time) *apiError {
	writeJSON(w, http.StatusOK, map[string]any{"domains": []any{domainView()}})
	return nil
}
