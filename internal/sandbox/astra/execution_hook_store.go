package astra

// executionHook is a stored execution hook.
type executionHook struct {
	id           string
	name         string
	hookType     string
	criteria     []matchCriterion
	action       string
	stage        string
	hookSourceID string
	arguments    []string
	appID        string // "" for a NetApp hook, which is tied to no app
	enabled      bool
	description  *string
	record
}

// matchCriterion is one entry of matchingCriteria.
type matchCriterion struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// executionHookNameTaken reports whether a hook other than exceptID is
// called name.
func (a *API) executionHookNameTaken(name, exceptID string) bool {
	return a.executionHooks.Any(func(h *executionHook) bool { return h.name == name && h.id != exceptID })
}

// addExecutionHook stores h unless its name is taken (409 problem 10).
func (a *API) addExecutionHook(h *executionHook) *problem {
	if a.executionHookNameTaken(h.name, "") {
		return nameConflict("an execution hook", h.name)
	}
	a.executionHooks.Add(h)
	return nil
}

// writableExecutionHook returns the hook id if scope can reach it; else 404
// problem 1, or 403 problem 73 for a NetApp hook, which cannot be written.
func (a *API) writableExecutionHook(id string, scope executionHookScope) (*executionHook, *problem) {
	h, ok := a.executionHooks.Get(id)
	switch {
	case !ok || !scope.visible(h):
		return nil, newProblem(1)
	case h.hookType == hookTypeNetApp:
		return nil, newProblem(73)
	}
	return h, nil
}

// editExecutionHook applies change to the hook id (see
// writableExecutionHook), then checks the name (409 problem 10). change
// may refuse with a problem; then nothing is stored.
func (a *API) editExecutionHook(id string, scope executionHookScope, change func(*executionHook) *problem) *problem {
	h, p := a.writableExecutionHook(id, scope)
	if p != nil {
		return p
	}
	return edit(h, func(next *executionHook) *problem {
		if p := change(next); p != nil {
			return p
		}
		if a.executionHookNameTaken(next.name, id) {
			return nameConflict("an execution hook", next.name)
		}
		return nil
	})
}

// removeExecutionHook deletes the hook id (see writableExecutionHook).
func (a *API) removeExecutionHook(id string, scope executionHookScope) *problem {
	if _, p := a.writableExecutionHook(id, scope); p != nil {
		return p
	}
	a.executionHooks.Remove(id)
	return nil
}
