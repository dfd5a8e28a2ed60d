package sdrs

// Protection group statuses the provider acts on (sdrs.md §1.8).
const (
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

// protectionEnabled tells from a group whether its protection is started:
// protected_status when the API reports it (it is null for groups created
// after SDRS's upgrade), else the status.
func protectionEnabled(g *Group) bool {
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
