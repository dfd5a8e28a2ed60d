package sdrs

// Protection group statuses the provider acts on (sdrs.md §1.8); a
// replication pair takes "creating", "available", "deleting" and "error"
// of its own, and its group's status during the group's actions.
const (
	statusCreating          = "creating"
	statusDeleting          = "deleting"
	statusError             = "error"
	statusErrorDeleting     = "error-deleting"
	statusStarting          = "starting"
	statusReprotecting      = "reprotecting"
	statusFailingOver       = "failing-over"
	statusAvailable         = "available"
	statusProtected         = "protected"
	statusErrorStarting     = "error-starting"
	statusFailedOver        = "failed-over"
	statusErrorReprotecting = "error-reprotecting"
	statusStopping          = "stopping"
	statusErrorStopping     = "error-stopping"
	statusReversing         = "reversing"
	statusErrorReversing    = "error-reversing"
	statusErrorFailingOver  = "error-failing-over"
)

// groupTransitional are the statuses of a protection group with a job under
// way (sdrs.md §1.8): the API refuses other operations then.
var groupTransitional = []string{statusCreating, statusDeleting, statusStarting, statusReprotecting, statusStopping, statusReversing, statusFailingOver}

// pairTransitional are the statuses of a replication pair with a job under
// way: its own (creating, deleting; attaching, detaching and extending for
// the operations on protected instances, OTC replication_pair_status.rst),
// and its group's actions.
var pairTransitional = []string{statusCreating, statusDeleting, pairAttaching, pairDetaching, pairExtending,
	statusStarting, statusReprotecting, statusStopping, statusReversing, statusFailingOver}

// Production sites of a protection group (its priority_station).
const (
	stationSource = "source"
	stationTarget = "target"
)

// Job statuses (sdrs.md §2.1).
const (
	jobInit    = "INIT"
	jobRunning = "RUNNING"
	jobSuccess = "SUCCESS"
	jobFail    = "FAIL"
)

// failedOver tells from a group whether it runs after an unplanned
// failover, not yet re-protected: failing over, failed over, or a
// re-protection that failed. A failover that failed (error-failing-over)
// is not: applying failed_over = true again retries it.
func failedOver(g *Group) bool {
	switch g.Status {
	case statusFailingOver, statusFailedOver, statusErrorReprotecting:
		return true
	}
	return false
}

// protectionEnabled tells from a group whether its protection is started:
// protected_status when the API reports it (it is null for groups created
// after SDRS's upgrade), else the status. A failed-over group's protection
// is suspended, not disabled: a failover needs protection enabled, and
// re-protection enables it again, so it counts as enabled (failed_over
// says the rest).
func protectionEnabled(g *Group) bool {
	if failedOver(g) || g.Status == statusReprotecting {
		return true
	}
	switch g.ProtectedStatus.Value() {
	case "started":
		return true
	case "stopped":
		return false
	}
	switch g.Status {
	case statusProtected, statusStopping, statusErrorStopping, statusReversing, statusErrorReversing, statusErrorFailingOver:
		return true
	}
	return false
}
