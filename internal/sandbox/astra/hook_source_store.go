package astra

import (
	"crypto/md5"
	"encoding/hex"
)

// hookSource is a stored hook source.
type hookSource struct {
	id          string
	name        string
	sourceType  string
	source      string // base64, as sent
	sourceMD5   string
	description *string
	private     bool
	preloaded   bool
	record
}

// setSource stores source and its checksum: the lowercase hex MD5 of the
// base64 text as sent, not of the decoded script (astra.md §3.3). MD5 is
// the API's choice, not used for security.
func (h *hookSource) setSource(source string) {
	sum := md5.Sum([]byte(source))
	h.source = source
	h.sourceMD5 = hex.EncodeToString(sum[:])
}

// hookSourceNameTaken reports whether a hook source other than exceptID is
// called name.
func (a *API) hookSourceNameTaken(name, exceptID string) bool {
	return a.hookSources.Any(func(h *hookSource) bool { return h.name == name && h.id != exceptID })
}

// addHookSource stores h unless its name is taken (409 problem 10).
func (a *API) addHookSource(h *hookSource) *problem {
	if a.hookSourceNameTaken(h.name, "") {
		return nameConflict("a hook source", h.name)
	}
	a.hookSources.Add(h)
	return nil
}

// writableHookSource returns the hook source id; unknown: 404 problem 1;
// preloaded (read-only): 403 problem 71.
func (a *API) writableHookSource(id string) (*hookSource, *problem) {
	h, ok := a.hookSources.Get(id)
	switch {
	case !ok:
		return nil, newProblem(1)
	case h.preloaded:
		return nil, newProblem(71)
	}
	return h, nil
}

// editHookSource applies change to the hook source id (see
// writableHookSource), then checks the name (409 problem 10). change may
// refuse with a problem; then nothing is stored.
func (a *API) editHookSource(id string, change func(*hookSource) *problem) *problem {
	h, p := a.writableHookSource(id)
	if p != nil {
		return p
	}
	return edit(h, func(next *hookSource) *problem {
		if p := change(next); p != nil {
			return p
		}
		if a.hookSourceNameTaken(next.name, id) {
			return nameConflict("a hook source", next.name)
		}
		return nil
	})
}

// removeHookSource deletes the hook source id (see writableHookSource);
// run by an execution hook: 403 problem 72.
func (a *API) removeHookSource(id string) *problem {
	if _, p := a.writableHookSource(id); p != nil {
		return p
	}
	if a.executionHooks.Any(func(e *executionHook) bool { return e.hookSourceID == id }) {
		return newProblem(72)
	}
	a.hookSources.Remove(id)
	return nil
}
