package astra

import (
	"slices"
	"sync"
)

// hookSourceStore holds the hook sources in creation order. Every method
// locks, so a check (such as name uniqueness) and the change it guards are
// atomic under parallel requests.
type hookSourceStore struct {
	mu    sync.Mutex
	items []*hookSource
}

// newHookSourceStore returns a store holding initial.
func newHookSourceStore(initial []*hookSource) *hookSourceStore {
	return &hookSourceStore{items: initial}
}

// nameConflict returns 409 problem 10 naming the name field.
func nameConflict(name string) *problem {
	return invalidFields(10, invalidItem{
		Name:   "name",
		Reason: "a hook source named " + quoteAll([]string{name}) + " already exists; names must be unique",
	})
}

// indexOf returns the position of id, or -1. The caller holds mu.
func (s *hookSourceStore) indexOf(id string) int {
	return slices.IndexFunc(s.items, func(h *hookSource) bool { return h.id == id })
}

// nameTaken reports whether a hook source other than exceptID is called
// name. The caller holds mu.
func (s *hookSourceStore) nameTaken(name, exceptID string) bool {
	return slices.ContainsFunc(s.items, func(h *hookSource) bool { return h.name == name && h.id != exceptID })
}

// create adds h unless its name is taken (409 problem 10).
func (s *hookSourceStore) create(h *hookSource) *problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.nameTaken(h.name, "") {
		return nameConflict(h.name)
	}
	s.items = append(s.items, h.clone())
	return nil
}

// get returns a copy of the hook source id.
func (s *hookSourceStore) get(id string) (*hookSource, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.indexOf(id)
	if i < 0 {
		return nil, false
	}
	return s.items[i].clone(), true
}

// list returns copies of every hook source in creation order.
func (s *hookSourceStore) list() []*hookSource {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*hookSource, len(s.items))
	for i, h := range s.items {
		out[i] = h.clone()
	}
	return out
}

// update applies change to the hook source id. Unknown id: 404 problem 1;
// preloaded: 403 problem 71; a new name taken by another hook source: 409
// problem 10. change may refuse with a problem; then nothing is stored.
func (s *hookSourceStore) update(id string, change func(h *hookSource) *problem) *problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.indexOf(id)
	if i < 0 {
		return newProblem(1)
	}
	if s.items[i].preloaded {
		return newProblem(71)
	}
	next := s.items[i].clone()
	if p := change(next); p != nil {
		return p
	}
	if s.nameTaken(next.name, id) {
		return nameConflict(next.name)
	}
	s.items[i] = next
	return nil
}

// remove deletes the hook source id. Unknown id: 404 problem 1; preloaded:
// 403 problem 71; referenced by an execution hook (per referenced, which
// may be nil): 403 problem 72.
func (s *hookSourceStore) remove(id string, referenced func(id string) bool) *problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.indexOf(id)
	switch {
	case i < 0:
		return newProblem(1)
	case s.items[i].preloaded:
		return newProblem(71)
	case referenced != nil && referenced(id):
		return newProblem(72)
	}
	s.items = slices.Delete(s.items, i, i+1)
	return nil
}
