package sdrs

import (
	"bytes"
	"io"
	"net/http"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// Paths of the API, below the project (sdrs.md §1.1, §1.9).
const (
	projectPrefix = "/v1/{project_id}"
	groupsPath    = projectPrefix + "/server-groups"
	groupPath     = groupsPath + "/{server_group_id}"
	actionPath    = groupPath + "/action"
	jobPath       = projectPrefix + "/jobs/{job_id}"
	domainsPath   = projectPrefix + "/active-domains"
	pairsPath     = projectPrefix + "/replications"
	pairPath      = pairsPath + "/{replication_id}"
	pairAction    = pairPath + "/action"

	instancesPath  = projectPrefix + "/protected-instances"
	instancePath   = instancesPath + "/{protected_instance_id}"
	drillsPath     = projectPrefix + "/disaster-recovery-drills"
	drillPath      = drillsPath + "/{disaster_recovery_drill_id}"
	taskCenterPath = projectPrefix + "/task-center"

	// ECS and VPC (ecs_handlers.go).
	serversPath = projectPrefix + "/cloudservers"
	portsPath   = projectPrefix + "/ports"
)

// handlerFunc serves one authenticated request once the jobs that ended are
// settled; it runs with the state locked. body is the request body.
type handlerFunc func(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError

// Register adds every SDRS route to mux, and a fallback under /v1/ that
// answers as the API gateway does for an API that does not exist.
func (a *API) Register(mux *http.ServeMux) {
	routes := []struct {
		method, pattern string
		h               handlerFunc
	}{
		{http.MethodPost, groupsPath, a.createGroup},
		{http.MethodGet, groupsPath, a.listGroups},
		{http.MethodGet, groupPath, a.getGroup},
		{http.MethodPut, groupPath, a.renameGroup},
		{http.MethodDelete, groupPath, a.deleteGroup},
		{http.MethodPost, actionPath, a.groupAction},
		{http.MethodPost, pairsPath, a.createPair},
		{http.MethodGet, pairsPath, a.listPairs},
		{http.MethodGet, pairPath, a.getPair},
		{http.MethodPut, pairPath, a.renamePair},
		{http.MethodDelete, pairPath, a.deletePair},
		{http.MethodPost, pairAction, a.pairAction},
		{http.MethodPost, instancesPath, a.createInstance},
		{http.MethodGet, instancesPath, a.listInstances},
		{http.MethodGet, instancePath, a.getInstance},
		{http.MethodPut, instancePath, a.renameInstance},
		{http.MethodDelete, instancePath, a.deleteInstance},
		{http.MethodGet, instancePath + "/tags", a.listInstanceTags},
		{http.MethodPost, instancePath + "/tags/action", a.tagAction},
		{http.MethodPost, instancePath + "/attachreplication", a.attachPair},
		{http.MethodDelete, instancePath + "/detachreplication/{replication_id}", a.detachPair},
		{http.MethodPost, instancePath + "/nic", a.addNIC},
		{http.MethodPost, instancePath + "/nic/delete", a.deleteNIC},
		{http.MethodPost, instancePath + "/resize", a.resizeInstance},
		{http.MethodPost, drillsPath, a.createDrill},
		{http.MethodGet, drillsPath, a.listDrills},
		{http.MethodGet, drillPath, a.getDrill},
		{http.MethodPut, drillPath, a.renameDrill},
		{http.MethodDelete, drillPath, a.deleteDrill},
		{http.MethodGet, taskCenterPath + "/failure-jobs", a.listFailureJobs},
		{http.MethodDelete, taskCenterPath + "/failure-jobs/batch", a.deleteAllGroupFailureJobs},
		{http.MethodDelete, taskCenterPath + "/failure-jobs/{failure_job_id}", a.deleteFailureJob},
		{http.MethodDelete, taskCenterPath + "/{server_group_id}/failure-jobs/batch", a.deleteGroupFailureJobs},
		{http.MethodGet, projectPrefix + "/sdrs/quotas", a.showQuota},
		{http.MethodGet, projectPrefix + "/resource/rpo-statistics", a.listRPOStatistics},
		{http.MethodGet, serversPath + "/{server_id}", a.showServer},
		{http.MethodPost, serversPath + "/action", a.serverAction},
		{http.MethodGet, portsPath, a.listPorts},
		{http.MethodGet, jobPath, a.getJob},
		{http.MethodGet, domainsPath, a.listDomains},
	}
	for _, rt := range routes {
		mux.Handle(rt.method+" "+rt.pattern, a.guard(rt.h))
	}
	mux.HandleFunc("POST "+PairBreakPath, a.servePairBreak)
	mux.HandleFunc("POST "+PairRepairPath, a.servePairRepair)
	mux.Handle("/v1/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		backend.MarkUnmatched(r)
		w.Header().Set(headerRequestID, randomHex())
		(&gatewayError{status: http.StatusNotFound, code: gwAPINotFound,
			message: "The API does not exist or has not been published in the environment"}).write(w)
	}))
}

// maxBody is the largest request body the gateway takes (12 MB).
const maxBody = 12 << 20

// guard wraps h with what every route shares, in the gateway's order: the
// request ID, the AK/SK signature, then the project in the path; then it
// settles the jobs that ended and runs h with the state locked.
func (a *API) guard(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set(headerRequestID, randomHex())
		body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
		if err != nil || len(body) > maxBody {
			sdrsError("SDRS.0201", "the request body cannot be read or exceeds 12 MB").write(w)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		now := a.now()
		if gwErr := verifySignature(r, body, now, a.keys); gwErr != nil {
			gwErr.write(w)
			return
		}
		project := r.PathValue("project_id")
		if project != a.opts.ProjectID {
			sdrsError("SDRS.0001", "the project "+project+" is not the project of the access key").write(w)
			return
		}
		if header := r.Header.Get("X-Project-Id"); header != "" && header != project {
			sdrsError("SDRS.0001", "X-Project-Id "+header+" differs from the project in the path").write(w)
			return
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		a.settle(now)
		if apiErr := h(w, r, body, now); apiErr != nil {
			apiErr.write(w)
		}
	})
}
