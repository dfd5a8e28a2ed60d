package astra

import (
	"slices"
	"sync"
)

// Execution hook constants of the spec (executionHook_1.3_*, astra.md §3.4).
const (
	execHookType     = "application/astra-executionHook"
	execHooksType    = "application/astra-executionHooks"
	execHookVersion  = "1.3"
	hookTypeCustom   = "custom"
	hookTypeNetApp   = "netapp"
	execHooksPath    = accountsPrefix + "/core/v1/executionHooks"
	execHookPath     = execHooksPath + "/{executionHook_id}"
	appExecHooksPath = accountsPrefix + "/k8s/v1/apps/{app_id}/executionHooks"
	appExecHookPath  = appExecHooksPath + "/{executionHook_id}"
)

// execHookVersions are the versions a client may send.
var execHookVersions = []string{"1.3", "1.2", "1.1", "1.0"}

// matchCriterion is one entry of matchingCriteria.
type matchCriterion struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// execHook is a stored execution hook.
type execHook struct {
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
	labels       []label
	createdAt    string
	modifiedAt   string
	createdBy    string
	modifiedBy   string
}

// clone returns a deep copy of h.
func (h *execHook) clone() *execHook {
	c := *h
	c.criteria = slices.Clone(h.criteria)
	c.arguments = slices.Clone(h.arguments)
	c.labels = slices.Clone(h.labels)
	if h.description != nil {
		d := *h.description
		c.description = &d
	}
	return &c
}

// execHookBody is executionHook_1.3_get_response_body, fields in the order
// of the spec examples.
type execHookBody struct {
	Type               string               `json:"type"`
	Version            string               `json:"version"`
	ID                 string               `json:"id"`
	Name               string               `json:"name"`
	HookType           string               `json:"hookType"`
	MatchingCriteria   []matchCriterion     `json:"matchingCriteria"`
	Action             string               `json:"action"`
	Stage              string               `json:"stage"`
	HookSourceID       string               `json:"hookSourceID"`
	Arguments          []string             `json:"arguments"`
	AppID              string               `json:"appID,omitempty"`
	Enabled            string               `json:"enabled"`
	Description        *string              `json:"description,omitempty"`
	MatchingContainers *[]matchingContainer `json:"matchingContainers,omitempty"`
	MatchingImages     *[]string            `json:"matchingImages,omitempty"`
	Metadata           metadata             `json:"metadata"`
}

// body renders h. When app is not nil, matchingContainers and
// matchingImages are computed from the criteria and the app's containers,
// as GET does.
func (h *execHook) body(a *app) execHookBody {
	b := execHookBody{
		Type:             execHookType,
		Version:          execHookVersion,
		ID:               h.id,
		Name:             h.name,
		HookType:         h.hookType,
		MatchingCriteria: h.criteria,
		Action:           h.action,
		Stage:            h.stage,
		HookSourceID:     h.hookSourceID,
		Arguments:        h.arguments,
		AppID:            h.appID,
		Enabled:          boolString(h.enabled),
		Description:      h.description,
		Metadata: metadata{
			Labels:                h.labels,
			CreationTimestamp:     h.createdAt,
			ModificationTimestamp: h.modifiedAt,
			CreatedBy:             h.createdBy,
			ModifiedBy:            h.modifiedBy,
		},
	}
	if b.MatchingCriteria == nil {
		b.MatchingCriteria = []matchCriterion{}
	}
	if b.Arguments == nil {
		b.Arguments = []string{}
	}
	if b.Metadata.Labels == nil {
		b.Metadata.Labels = []label{}
	}
	if a != nil {
		containers, images := matchContainers(*a, h.criteria)
		b.MatchingContainers, b.MatchingImages = &containers, &images
	}
	return b
}

// NetAppExecHookID is the ID of the preloaded NetApp execution hook.
var NetAppExecHookID = fixtureID("executionHook/netapp-postgres-pre-snapshot")

// fixtureExecHooks returns the execution hooks present at start: one
// NetApp hook (read-only, problem 73) that runs the preloaded hook source
// before snapshots of any container running a postgres image.
func fixtureExecHooks() []*execHook {
	description := "NetApp Postgres checkpoint before snapshots"
	return []*execHook{{
		id:           NetAppExecHookID,
		name:         "NetApp postgres pre-snapshot",
		hookType:     hookTypeNetApp,
		criteria:     []matchCriterion{{Type: "containerImage", Value: `(^|/)postgres:`}},
		action:       "snapshot",
		stage:        "pre",
		hookSourceID: PreloadedHookSourceID,
		arguments:    []string{"pre"},
		enabled:      true,
		description:  &description,
		labels:       []label{},
		createdAt:    fixtureTime,
		modifiedAt:   fixtureTime,
		createdBy:    systemUserID,
	}}
}

// execHookStore holds the execution hooks in creation order.
//
// Hook sources live in another store, whose DELETE asks this one (through
// API.HookSourceReferenced, with the hook source store locked) whether a
// hook references them. To keep "a hook references a hook source that
// exists" true without taking the two locks in both orders, a create or
// update that sets hookSourceID first reserves the ID here (pending), then
// checks that the hook source exists, then stores the hook, then releases
// the reservation: a concurrent DELETE of that hook source sees either the
// reservation or the hook, or it deleted the hook source before the check.
type execHookStore struct {
	mu      sync.Mutex
	items   []*execHook
	pending map[string]int
}

func newExecHookStore(initial []*execHook) *execHookStore {
	return &execHookStore{items: initial, pending: map[string]int{}}
}

// referencesHookSource reports whether an execution hook references the
// hook source id, or is being created or changed to reference it.
func (s *execHookStore) referencesHookSource(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pending[id] > 0 {
		return true
	}
	return slices.ContainsFunc(s.items, func(h *execHook) bool { return h.hookSourceID == id })
}

// reserve marks the hook source id as about to be referenced; the returned
// function releases the mark.
func (s *execHookStore) reserve(id string) (release func()) {
	s.mu.Lock()
	s.pending[id]++
	s.mu.Unlock()
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.pending[id]--; s.pending[id] <= 0 {
			delete(s.pending, id)
		}
	}
}

// execHookNameConflict returns 409 problem 10 naming the name field.
func execHookNameConflict(name string) *problem {
	return invalidFields(10, invalidItem{
		Name:   "name",
		Reason: "an execution hook named " + quoteAll([]string{name}) + " already exists; names must be unique",
	})
}

// indexOf returns the position of id, or -1. The caller holds mu.
func (s *execHookStore) indexOf(id string) int {
	return slices.IndexFunc(s.items, func(h *execHook) bool { return h.id == id })
}

// nameTaken reports whether a hook other than exceptID is called name.
// The caller holds mu.
func (s *execHookStore) nameTaken(name, exceptID string) bool {
	return slices.ContainsFunc(s.items, func(h *execHook) bool { return h.name == name && h.id != exceptID })
}

// create adds h unless its name is taken (409 problem 10).
func (s *execHookStore) create(h *execHook) *problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.nameTaken(h.name, "") {
		return execHookNameConflict(h.name)
	}
	s.items = append(s.items, h.clone())
	return nil
}

// get returns a copy of the hook id.
func (s *execHookStore) get(id string) (*execHook, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.indexOf(id)
	if i < 0 {
		return nil, false
	}
	return s.items[i].clone(), true
}

// list returns copies of every hook in creation order.
func (s *execHookStore) list() []*execHook {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*execHook, len(s.items))
	for i, h := range s.items {
		out[i] = h.clone()
	}
	return out
}

// update applies change to the hook id, then checks the name. Unknown id
// (or one that visible says is not visible on this path): 404 problem 1;
// a NetApp hook: 403 problem 73.
func (s *execHookStore) update(id string, visible func(*execHook) bool, change func(h *execHook) *problem) *problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.indexOf(id)
	if i < 0 || !visible(s.items[i]) {
		return newProblem(1)
	}
	if s.items[i].hookType == hookTypeNetApp {
		return newProblem(73)
	}
	next := s.items[i].clone()
	if p := change(next); p != nil {
		return p
	}
	if s.nameTaken(next.name, id) {
		return execHookNameConflict(next.name)
	}
	s.items[i] = next
	return nil
}

// remove deletes the hook id: 404 problem 1 when unknown or not visible,
// 403 problem 73 for a NetApp hook.
func (s *execHookStore) remove(id string, visible func(*execHook) bool) *problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.indexOf(id)
	switch {
	case i < 0 || !visible(s.items[i]):
		return newProblem(1)
	case s.items[i].hookType == hookTypeNetApp:
		return newProblem(73)
	}
	s.items = slices.Delete(s.items, i, i+1)
	return nil
}
