package sdrs

// The task center (sdrs.md §18) keeps the jobs that failed until they are
// deleted: every job that ends in FAIL leaves a record, named for its
// object (resource_type, failure_status, resource_id, resource_name) and
// its protection group.

// failureJob is a record of the task center.
type failureJob struct {
	// id is the job's ID; the API also takes the resource's ID for it
	// (sdrs.md §18: its example deletes by a resource_id).
	id            string
	jobType       string
	beginTime     string
	failureStatus string
	resourceType  string
	resourceID    string
	resourceName  string
	groupID       string
	errorCode     string
	failReason    string
}

// about records what a job acts on, for the task center.
func (a *API) about(j *job, groupID, resourceID, resourceName string) {
	j.groupID, j.resourceID, j.resourceName = groupID, resourceID, resourceName
}

// recordFailure adds the record of a job that ended in FAIL.
func (a *API) recordFailure(j *job) {
	op, ok := operations[j.jobType]
	if !ok {
		return
	}
	a.failures.Add(&failureJob{id: j.id, jobType: j.jobType, beginTime: j.begin.UTC().Format(jobTimeFormat), failureStatus: op.failureStatus,
		resourceType: op.resourceType, resourceID: j.resourceID, resourceName: j.resourceName, groupID: j.groupID,
		errorCode: j.errorCode, failReason: j.failReason})
}

// groupLevel reports whether a record is of a protection group's own job
// (its creation, deletion or an action), which the list shows without
// filter and the all-groups batch deletes.
func (f *failureJob) groupLevel() bool { return f.resourceType == resourceGroups }
