package sdrs

import (
	"slices"
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
	jobExpandPair  = "expandReplicationPairNew"

	jobCreateInstance = "createProtectedInstanceNoCG"
	jobDeleteInstance = "deleteProtectedInstanceNoCG"
	jobAttach         = "attachReplicationPairNew"
	jobDetach         = "detachReplicationPairNew"
	jobAddNIC         = "addNicNew"
	jobDeleteNIC      = "deleteNicNew"
	jobResize         = "resizeProtectedInstanceNew"
	jobCreateDrill    = "createDisasterRecoveryDrill"
	jobDeleteDrill    = "deleteDisasterRecoveryDrill"
)

// operation is what the sandbox knows of the operation a job type
// carries out: its name for fault injection and notice latency
// (backend.Hooks), the SANDBOX_FAIL_<marker> that makes it fail from a
// description, the API's error code of its failure, and how the task
// center lists a failed job of it (its resource_type and failure_status,
// sdrs.md §18).
type operation struct {
	name          string
	marker        string
	failCode      string
	resourceType  string
	failureStatus string
}

// Operation names, as faults' stall=/fail= and the notice recorder know
// them (listed in the package doc).
const (
	opGroupCreate    = "sdrs.protection_group.create"
	opGroupDelete    = "sdrs.protection_group.delete"
	opGroupStart     = "sdrs.protection_group.start"
	opGroupReprotect = "sdrs.protection_group.reprotect"
	opGroupStop      = "sdrs.protection_group.stop"
	opGroupFailover  = "sdrs.protection_group.failover"
	opGroupReverse   = "sdrs.protection_group.reverse"
	opPairCreate     = "sdrs.replication_pair.create"
	opPairDelete     = "sdrs.replication_pair.delete"
	opPairExpand     = "sdrs.replication_pair.expand"

	opInstanceCreate    = "sdrs.protected_instance.create"
	opInstanceDelete    = "sdrs.protected_instance.delete"
	opInstanceAddNIC    = "sdrs.protected_instance.add_nic"
	opInstanceDeleteNIC = "sdrs.protected_instance.delete_nic"
	opInstanceResize    = "sdrs.protected_instance.resize"
	opAttachmentCreate  = "sdrs.replication_attachment.create"
	opAttachmentDelete  = "sdrs.replication_attachment.delete"
	opDrillCreate       = "sdrs.drill.create"
	opDrillDelete       = "sdrs.drill.delete"
)

// Resource types of the task center (sdrs.md §18).
const (
	resourceGroups    = "server_groups"
	resourceInstances = "protected_instances"
	resourcePairs     = "replications"
	resourceDrills    = "disaster_recovery_drills"
)

// operations maps each job type to its operation.
//
// The failure_status enum has no value for the NIC operations: a failed NIC
// addition is listed as attachFail and a failed NIC deletion as detachFail
// (an attachment of a NIC) [I].
var operations = map[string]operation{
	jobCreateGroup:    {opGroupCreate, "CREATE", codeCreateGroupFailed, resourceGroups, "createFail"},
	jobDeleteGroup:    {opGroupDelete, "DELETE", codeDeleteGroupFailed, resourceGroups, "deleteFail"},
	jobStart:          {opGroupStart, "START", codeStartFailed, resourceGroups, "startFail"},
	jobReprotect:      {opGroupReprotect, "REPROTECT", codeReprotectFailed, resourceGroups, "reprotectFail"},
	jobStop:           {opGroupStop, "STOP", codeStopFailed, resourceGroups, "stopFail"},
	jobFailover:       {opGroupFailover, "FAILOVER", codeFailoverFailed, resourceGroups, "failoverFail"},
	jobReverse:        {opGroupReverse, "REVERSE", codeReverseFailed, resourceGroups, "reverseFail"},
	jobCreatePair:     {opPairCreate, "CREATE", codeCreatePairFailed, resourcePairs, "createFail"},
	jobDeletePair:     {opPairDelete, "DELETE", codeDeletePairFailed, resourcePairs, "deleteFail"},
	jobExpandPair:     {opPairExpand, "EXPAND", codeExpandFailed, resourcePairs, "expandFail"},
	jobCreateInstance: {opInstanceCreate, "CREATE", codeCreateInstanceFailed, resourceInstances, "createFail"},
	jobDeleteInstance: {opInstanceDelete, "DELETE", codeDeleteInstanceFailed, resourceInstances, "deleteFail"},
	jobAttach:         {opAttachmentCreate, "ATTACH", codeAttachFailed, resourceInstances, "attachFail"},
	jobDetach:         {opAttachmentDelete, "DETACH", codeDetachFailed, resourceInstances, "detachFail"},
	jobAddNIC:         {opInstanceAddNIC, "ADD_NIC", codeAddNICFailed, resourceInstances, "attachFail"},
	jobDeleteNIC:      {opInstanceDeleteNIC, "DELETE_NIC", codeDeleteNICFailed, resourceInstances, "detachFail"},
	jobResize:         {opInstanceResize, "RESIZE", codeResizeFailed, resourceInstances, "resizeFail"},
	jobCreateDrill:    {opDrillCreate, "CREATE", codeCreateDrillFailed, resourceDrills, "createFail"},
	jobDeleteDrill:    {opDrillDelete, "DELETE", codeDeleteDrillFailed, resourceDrills, "deleteFail"},
}

// job is one asynchronous job. Its effects are applied once, by settle.
type job struct {
	id      string
	jobType string
	// op is the operation the job carries out; objectID the protection
	// group or replication pair it acts on.
	op       string
	objectID string
	begin    time.Time
	// end is when the job ends; for a job that a stall held past it, the
	// instant the stall was lifted and the job finished.
	end      time.Time
	finished bool
	failed   bool
	// held is set once a stall (faults' stall=OP) has held the job past
	// its end; the stall is counted once per job.
	held bool
	// errorCode and failReason are set when the job is planned to fail.
	errorCode  string
	failReason string
	// entities of the job (server_group_id, replication_pair_id, ...).
	entities map[string]string
	// subJobType and subJobIDs describe one sub job per replication pair,
	// for the protection group actions (as the API's stop example shows).
	subJobType string
	subJobIDs  []string
	// groupID, resourceID and resourceName describe the job's object for
	// the task center, which lists the jobs that failed (about).
	groupID, resourceID, resourceName string
	// effect is what the job changes when it ends; onSuccess and
	// onFailure, which apply it, are bound of it (job_effect.go).
	effect    jobEffect
	onSuccess func(now time.Time)
	onFailure func(now time.Time)
}

// status returns the job's status at now. A job held by a stall is
// RUNNING.
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
// is not yet finished, except those a stall holds. It runs with the state
// locked.
func (a *API) settle(now time.Time) {
	for _, j := range a.jobs.Filter(func(j *job) bool { return !j.finished && !j.end.After(now) }) {
		if a.stalled(j) {
			continue
		}
		if j.held {
			j.end = now // the stall was lifted: the job ends now
		}
		j.finished = true
		if j.failed {
			if j.onFailure != nil {
				j.onFailure(j.end)
			}
			a.recordFailure(j)
		} else if j.onSuccess != nil {
			j.onSuccess(j.end)
		}
	}
}

// stalled reports whether the fault spec in force (faults' stall=OP)
// holds job j, whose end is due: it then stays RUNNING and its object in
// its transitional status until the stall is lifted. The spec is read on
// every request, so that POST /_sandbox/faults lifts (or sets) a stall for
// the jobs already under way.
func (a *API) stalled(j *job) bool {
	inj := a.opts.Hooks.Faults
	if !slices.ContainsFunc(inj.Spec().Stall, func(s string) bool { return strings.Contains(j.op, s) }) {
		return false
	}
	if !j.held {
		j.held = inj.Stall(j.op) // counts the stall once per job
	}
	return true
}

// submit records a new job of jobType on the object objectID that ends one
// transition after now. It fails, with its operation's error code, when
// description holds its SANDBOX_FAIL_<marker> or the fault spec says
// fail=OP.
func (a *API) submit(now time.Time, jobType, objectID string, entities map[string]string, description *string) *job {
	return a.submitMarked(now, jobType, objectID, entities, description)
}

// submitMarked is submit where any of markedBy (descriptions, or a drill's
// name) may hold the SANDBOX_FAIL_<marker>.
func (a *API) submitMarked(now time.Time, jobType, objectID string, entities map[string]string, markedBy ...*string) *job {
	op := operations[jobType]
	j := &job{
		id:       randomHex(),
		jobType:  jobType,
		op:       op.name,
		objectID: objectID,
		begin:    now,
		end:      now.Add(a.opts.Transition),
		entities: entities,
	}
	marked := slices.ContainsFunc(markedBy, func(d *string) bool { return d != nil && strings.Contains(*d, faultMarker+op.marker) })
	switch {
	case marked:
		j.failed, j.errorCode = true, op.failCode
		j.failReason = jobFailureReasons[op.failCode] + " (sandbox fault requested by a " + faultMarker + "* marker in the description)"
	case a.opts.Hooks.Faults.Fail(op.name):
		j.failed, j.errorCode = true, op.failCode
		j.failReason = jobFailureReasons[op.failCode] + " (sandbox fault injected by fail=" + op.name + ")"
	}
	a.jobs.Add(j)
	return j
}

// faultMarker is the text that, in a description, makes a job fail.
const faultMarker = "SANDBOX_FAIL_"

// observe tells the notice recorder that a read returned the object of
// job j (the last job of a group or pair, or a job read by its ID): when
// j has finished, its object's transition ended at j.end. The recorder
// counts only the first read after the end, whether of the job or of the
// object, since both carry the object's ID.
func (a *API) observe(j *job) {
	if j != nil && j.finished {
		a.opts.Hooks.Notice.Observe(j.op, j.objectID, j.end)
	}
}
