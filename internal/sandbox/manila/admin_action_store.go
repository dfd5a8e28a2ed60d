package manila

// adminRows is what the admin actions need of a collection.
type adminRows struct {
	// find returns the lifecycle of the row visible to t, or nil.
	find func(t *token, id string) *lifecycle
	// remove destroys a row and what it owns.
	remove func(id string)
}
