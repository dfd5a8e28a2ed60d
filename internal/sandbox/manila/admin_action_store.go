package manila

// adminRows is what the admin actions need of a collection.
type adminRows struct {
	// kind names the objects in operation names: "manila.consistency_group".
	kind string
	// find returns the lifecycle of the row visible to t, or nil.
	find func(t *token, id string) *lifecycle
}
