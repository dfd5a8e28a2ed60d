package manila

// adminRows is what the admin actions need of a collection.
type adminRows struct {
	// kind names the objects in operation names: "manila.consistency_group".
	kind string
	// find returns the lifecycle of the row visible to t, or nil.
	find func(t *token, id string) *lifecycle
	// deleteFailure is the status a failing force-delete ends in: error
	// when empty.
	deleteFailure string
	// statuses are the statuses reset_status accepts; nil means the
	// generic set (resetStatuses).
	statuses []string
}
