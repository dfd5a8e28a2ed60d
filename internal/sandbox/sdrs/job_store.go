package sdrs

import (
	"strings"
	"time"
)

// The sandbox runs no goroutines of its own: every asynchronous job has a
// begin time and ends Transition later, and each request first settles
// (applies the effects of) every job that has ended by then. A job is INIT
// during the first half of its transition and RUNNING during the second, so
// clients see INIT → RUNNING → SUCCESS or FAIL, and the objects' statuses
// move at the same instants.

// Job statuses (sdrs.md §2.1).
const (
	jobInit    = "INIT"
	jobRunning = "RUNNING"
	jobSuccess = "SUCCESS"
	jobFail    = "FAIL"
)

// Job types (sdrs.md §2.1).
const (
	jobCreateGroup = "createProtectionGroupNoCG"
	jobDeleteGroup = "deleteProtectionGroupNoCG"
	jobStart       = "startProtectionGroupNoCG"
	jobReprotect   = "reprotectProtectionGroupNoCG"
	jobStop        = "stopProtectionGroupNoCG"
	jobFailover    = "failoverProtectionGroupNoCG"
	jobReverse     = "reverseProtectionGroupNoCG"
	jobCreatePair  = "createReplicationPairNoCG"
	jobDeletePair  = "deleteReplicationPairNoCG"
)

// job is one asynchronous job. Its effects are applied once, by settle.
type job struct {
	id       string
	jobType  string
	begin    time.Time
	end      time.Time
	finished bool
	failed   bool
	// errorCode and failReason are set when the job is planned to fail.
	errorCode  string
	failReason string
	// entities of the job (server_group_id, replication_pair_id, ...).
	entities map[string]string
	// subJobType and subJobIDs describe one sub job per replication pair,
	// for the protection group actions (as the API's stop example shows).
	subJobType string
	subJobIDs  []string
	// onSuccess and onFailure apply the job's effect when it ends.
	onSuccess func(now time.Time)
	onFailure func(now time.Time)
}

// status returns the job's status at now.
func (j *job) status(now time.Time) string {
	switch {
	case j.finished && j.failed:
		return jobFail
	case j.finished:
		return jobSuccess
	case now.Sub(j.begin) < j.end.Sub(j.begin)/2:
		return jobInit
	default:
		return jobRunning
	}
}

// settle applies, in submission order, every job that has ended by now and
// is not yet finished. It runs with the state locked.
func (a *API) settle(now time.Time) {
	for _, j := range a.jobs.Filter(func(j *job) bool { return !j.finished && !j.end.After(now) }) {
		j.finished = true
		if j.failed {
			if j.onFailure != nil {
				j.onFailure(j.end)
			}
		} else if j.onSuccess != nil {
			j.onSuccess(j.end)
		}
	}
}

// submit records a new job that ends one transition after now. A non-empty
// failCode makes it end in FAIL with that code.
func (a *API) submit(now time.Time, jobType string, entities map[string]string, failCode string) *job {
	j := &job{
		id:       randomHex(),
		jobType:  jobType,
		begin:    now,
		end:      now.Add(a.opts.Transition),
		entities: entities,
	}
	if failCode != "" {
		j.failed = true
		j.errorCode = failCode
		j.failReason = jobFailureReasons[failCode] + " (sandbox fault requested by a " + faultMarker + "* marker in the description)"
	}
	a.jobs.Add(j)
	return j
}

// faultMarker is the text that, in a description, makes a job fail.
const faultMarker = "SANDBOX_FAIL_"

// fails reports whether the object's description asks operation op (CREATE,
// DELETE, START, STOP, REVERSE, FAILOVER, REPROTECT) to fail.
func fails(description *string, op string) bool {
	return description != nil && strings.Contains(*description, faultMarker+op)
}

// failCode returns code when the description asks operation op to fail,
// else "".
func failCode(description *string, op, code string) string {
	if fails(description, op) {
		return code
	}
	return ""
}
