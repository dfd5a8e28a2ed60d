package sdrs

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// failureStatuses and resourceTypes are the list's enums (sdrs.md §18).
var (
	failureStatuses = []string{"createFail", "deleteFail", "attachFail", "detachFail", "expandFail", "resizeFail", "startFail", "stopFail",
		"reverseFail", "failoverFail", "reprotectFail"}
	resourceTypes = []string{resourceGroups, resourceInstances, resourcePairs, resourceDrills}
)

// listFailureJobs answers GET /task-center/failure-jobs. Without filters
// it lists the group-level failures (sdrs.md §18: "If you do not specify
// filter, the system displays failed tasks of the protection group
// level"); server_group_id lists the failures of the objects in that group
// (its instances, pairs and drills); resource_type lists that type's
// failures; failure_status and resource_name (fuzzy) narrow either.
func (a *API) listFailureJobs(w http.ResponseWriter, r *http.Request, _ []byte, _ time.Time) *apiError {
	q := r.URL.Query()
	p, e := parsePaging(q)
	if e != nil {
		return e
	}
	if s := q.Get("failure_status"); q.Has("failure_status") && !slices.Contains(failureStatuses, s) {
		return sdrsError("SDRS.0201", "failure_status "+strconv.Quote(s)+" is not one of "+strings.Join(failureStatuses, ", "))
	}
	if s := q.Get("resource_type"); q.Has("resource_type") && !slices.Contains(resourceTypes, s) {
		return sdrsError("SDRS.0201", "resource_type "+strconv.Quote(s)+" is not one of "+strings.Join(resourceTypes, ", "))
	}
	matched := a.failures.Filter(func(f *failureJob) bool {
		switch {
		case q.Has("server_group_id") && (f.groupID != q.Get("server_group_id") || f.groupLevel()):
		case q.Has("resource_type") && f.resourceType != q.Get("resource_type"):
		case !q.Has("server_group_id") && !q.Has("resource_type") && !f.groupLevel():
		case q.Has("failure_status") && f.failureStatus != q.Get("failure_status"):
		case q.Has("resource_name") && !strings.Contains(f.resourceName, q.Get("resource_name")):
		default:
			return true
		}
		return false
	})
	writeList(w, "failure_jobs", matched, p, failureJobView)
	return nil
}

func failureJobView(f *failureJob) map[string]any {
	return map[string]any{"job_status": jobFail, "resource_id": f.resourceID, "resource_name": f.resourceName, "resource_type": f.resourceType,
		"failure_status": f.failureStatus, "job_id": f.id, "job_type": f.jobType, "begin_time": f.beginTime, "error_code": f.errorCode,
		"fail_reason": f.failReason}
}

// deleteFailureJob answers DELETE /task-center/failure-jobs/{failure_job_id}
// with 204; the ID is a job's or a resource's (sdrs.md §18). An unknown one
// is SDRS.0201 (no code is documented).
func (a *API) deleteFailureJob(w http.ResponseWriter, r *http.Request, _ []byte, _ time.Time) *apiError {
	id := r.PathValue("failure_job_id")
	removed := a.failures.RemoveFunc(func(f *failureJob) bool { return f.id == id })
	if len(removed) == 0 {
		removed = a.failures.RemoveFunc(func(f *failureJob) bool { return f.resourceID == id })
	}
	if len(removed) == 0 {
		return sdrsError("SDRS.0201", "no failed job has the ID "+strconv.Quote(id))
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// deleteGroupFailureJobs answers DELETE
// /task-center/{server_group_id}/failure-jobs/batch: the failures of the
// objects in the group ("failed protected instance creation or deletion
// tasks, and failed replication pair creation and deletion tasks"), 204.
func (a *API) deleteGroupFailureJobs(w http.ResponseWriter, r *http.Request, _ []byte, _ time.Time) *apiError {
	id := r.PathValue("server_group_id")
	a.failures.RemoveFunc(func(f *failureJob) bool { return f.groupID == id && !f.groupLevel() })
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// deleteAllGroupFailureJobs answers DELETE /task-center/failure-jobs/batch:
// every group-level failure, 204.
func (a *API) deleteAllGroupFailureJobs(w http.ResponseWriter, _ *http.Request, _ []byte, _ time.Time) *apiError {
	a.failures.RemoveFunc(func(f *failureJob) bool { return f.groupLevel() })
	w.WriteHeader(http.StatusNoContent)
	return nil
}
