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

// Protection group statuses (specs/sdrs.md §1.8).
const (
	statusCreating          = "creating"
	statusAvailable         = "available"
	statusProtected         = "protected"
	statusDeleting          = "deleting"
	statusErrorDeleting     = "error-deleting"
	statusError             = "error"
	statusStarting          = "starting"
	statusErrorStarting     = "error-starting"
	statusReprotecting      = "reprotecting"
	statusErrorReprotecting = "error-reprotecting"
	statusStopping          = "stopping"
	statusErrorStopping     = "error-stopping"
	statusReversing         = "reversing"
	statusErrorReversing    = "error-reversing"
	statusFailingOver       = "failing-over"
	statusFailedOver        = "failed-over"
	statusErrorFailingOver  = "error-failing-over"
)

// Replication statuses (data synchronisation) of groups and pairs.
const (
	replActive        = "active"
	replInactive      = "inactive"
	replCopying       = "copying"
	replActiveStopped = "active-stopped"
)

// Job statuses.
const (
	jobInit    = "INIT"
	jobRunning = "RUNNING"
	jobSuccess = "SUCCESS"
	jobFail    = "FAIL"
)

// Job types (specs/sdrs.md §2.1).
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

// transitional statuses are those of a group with a job under way.
var transitional = map[string]bool{
	statusCreating: true, statusDeleting: true, statusStarting: true, statusReprotecting: true,
	statusStopping: true, statusReversing: true, statusFailingOver: true,
}

// job is one asynchronous job. Its effects are applied once, by settle.
type job struct {
	id       string
	jobType  string
	seq      int
	begin    time.Time
	end      time.Time
	finished bool
	failed   bool
	// errorCode and failReason are set when the job is planned to fail.
	errorCode  string
	failReason string
	// entities of the job (server_group_id, replication_pair_id, ...).
	entities map[string]string
	// subJobs is the job type of one sub job per replication pair, for the
	// protection group actions (as the API's stop example shows).
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

// group is a protection group.
type group struct {
	id          string
	name        string
	description *string
	sourceAZ    string
	targetAZ    string
	domainID    string
	sourceVPC   string
	drType      string
	status      string
	priority    string // source | target: the current production site
	// protectedStatus, replicationStatus and healthStatus are null (nil)
	// until protection is first enabled, as for groups created after the
	// system upgrade (specs/sdrs.md §1.3).
	protectedStatus   *string
	replicationStatus *string
	healthStatus      *string
	progress          int
	seq               int
	createdAt         time.Time
	updatedAt         time.Time
	// job is the job under way on the group, if any.
	job *job
}

// productionAZ is the AZ that currently serves production.
func (g *group) productionAZ() string {
	if g.priority == "target" {
		return g.targetAZ
	}
	return g.sourceAZ
}

// faultMarker is the text that, in a description, makes a job fail.
const faultMarker = "SANDBOX_FAIL_"

// fails reports whether the object's description asks operation op (CREATE,
// DELETE, START, STOP, REVERSE, FAILOVER, REPROTECT) to fail.
func fails(description *string, op string) bool {
	return description != nil && strings.Contains(*description, faultMarker+op)
}

// pair is a replication pair.
type pair struct {
	id                string
	name              string
	description       *string
	groupID           string
	volumeID          string
	targetVolumeID    string
	status            string
	replicationStatus string
	failureDetail     *string
	seq               int
	createdAt         time.Time
	updatedAt         time.Time
	job               *job
}

func strPtr(s string) *string { return &s }
