package astra

import (
	"net/http"

	"github.com/google/uuid"
)

// execHookScope is the app of an app-scoped execution hook route
// (k8s/v1/apps/{app_id}/executionHooks), or "" on core/v1/executionHooks.
// Both paths share one store; an app-scoped path sees only that app's
// hooks.
type execHookScope string

func scopeOf(r *http.Request) execHookScope { return execHookScope(r.PathValue("app_id")) }

// visible reports whether h can be reached through this scope.
func (s execHookScope) visible(h *execHook) bool { return s == "" || h.appID == string(s) }

// check answers problem n when the scope's app does not exist.
func (a *API) checkScope(s execHookScope, n int) *problem {
	if s == "" {
		return nil
	}
	if _, ok := a.topo.app(string(s)); !ok {
		return newProblem(n)
	}
	return nil
}

// hookApp returns the app of h for matchingContainers, or nil.
func (a *API) hookApp(h *execHook) *app {
	if h.appID == "" {
		return nil
	}
	if ap, ok := a.topo.app(h.appID); ok {
		return &ap
	}
	return nil
}

// execHookURL is the Location of a hook created through scope.
func execHookURL(r *http.Request, s execHookScope, id string) string {
	base := requestBaseURL(r) + "/accounts/" + AccountID
	if s != "" {
		return base + "/k8s/v1/apps/" + string(s) + "/executionHooks/" + id
	}
	return base + "/core/v1/executionHooks/" + id
}

// listExecHooks serves GET on both collections.
func (a *API) listExecHooks(w http.ResponseWriter, r *http.Request) *problem {
	scope := scopeOf(r)
	if p := a.checkScope(scope, 2); p != nil {
		return p
	}
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	hooks := a.ops.execHooks.list()
	items := make([]listItem, 0, len(hooks))
	for _, h := range hooks {
		if !scope.visible(h) {
			continue
		}
		item, err := newListItem(h.body(a.hookApp(h)))
		if err != nil {
			return newProblem(34)
		}
		items = append(items, item)
	}
	return writeList(w, execHooksType, execHookVersion, items, q)
}

// createExecHook serves POST on both collections: 201 with the new hook
// and its Location.
//
// Checks, in order: the app of the path (404 problem 2); the body
// (problems 7, 8, 9); stage allowed for the action (problem 9); hookType
// "netapp" (403 problem 73); on an app-scoped path, appID must be that app
// (409 problem 10); appID and hookSourceID must name an existing app and
// hook source (400 problem 9); a failover hook needs an app that can be
// replicated (409 problem 162); the name must be unique (409 problem 10).
func (a *API) createExecHook(w http.ResponseWriter, r *http.Request) *problem {
	scope := scopeOf(r)
	if p := a.checkScope(scope, 2); p != nil {
		return p
	}
	obj, p := readObject(r, resourceMediaType(execHookType))
	if p != nil {
		return p
	}
	in, p := parseExecHook(obj, execHookPostSchema)
	if p != nil {
		return p
	}
	if p := checkActionStage(*in.action, *in.stage); p != nil {
		return p
	}
	if *in.hookType == hookTypeNetApp {
		return newProblem(73)
	}
	if scope != "" && *in.appID != string(scope) {
		return invalidFields(10, invalidItem{Name: "appID", Reason: "must be the app of the request URI, " + string(scope)})
	}
	target, ok := a.topo.app(*in.appID)
	if !ok {
		return invalidFields(9, invalidItem{Name: "appID", Reason: "no managed app has this ID"})
	}
	if *in.action == "failover" && !target.replicable {
		return newProblem(162)
	}
	release := a.ops.execHooks.reserve(*in.hookSourceID)
	defer release()
	if _, ok := a.hooks.get(*in.hookSourceID); !ok {
		return invalidFields(9, invalidItem{Name: "hookSourceID", Reason: "no hook source has this ID"})
	}
	now := a.timestamp()
	h := &execHook{
		id:           uuid.NewString(),
		name:         *in.name,
		hookType:     hookTypeCustom,
		criteria:     in.criteria,
		action:       *in.action,
		stage:        *in.stage,
		hookSourceID: *in.hookSourceID,
		arguments:    in.arguments,
		appID:        *in.appID,
		enabled:      in.enabled == nil || *in.enabled == "true",
		description:  in.description,
		labels:       in.metadata.labels,
		createdAt:    now,
		modifiedAt:   now,
		createdBy:    UserID,
	}
	if p := a.ops.execHooks.create(h); p != nil {
		return p
	}
	w.Header().Set("Location", execHookURL(r, scope, h.id))
	return writeJSON(w, http.StatusCreated, negotiate(r, resourceMediaType(execHookType)), h.body(&target))
}

// getExecHook serves GET of one hook; unknown (or another app's hook on an
// app-scoped path): 404 problem 2.
func (a *API) getExecHook(w http.ResponseWriter, r *http.Request) *problem {
	scope := scopeOf(r)
	if p := a.checkScope(scope, 2); p != nil {
		return p
	}
	h, ok := a.ops.execHooks.get(r.PathValue("executionHook_id"))
	if !ok || !scope.visible(h) {
		return newProblem(2)
	}
	return writeJSON(w, http.StatusOK, negotiate(r, resourceMediaType(execHookType)), h.body(a.hookApp(h)))
}

// updateExecHook serves PUT of one hook: 204, no body.
//
// Fields absent from the body keep their values, as for hook sources (the
// spec's own PUT example sends only type, version and arguments). An empty
// array clears arguments or matchingCriteria, "" clears the description.
// appID and hookType cannot change (409 problem 10): a hook belongs to one
// app, and only custom hooks can be written. A NetApp hook: 403 problem 73.
func (a *API) updateExecHook(w http.ResponseWriter, r *http.Request) *problem {
	scope := scopeOf(r)
	if p := a.checkScope(scope, 1); p != nil {
		return p
	}
	obj, p := readObject(r, resourceMediaType(execHookType))
	if p != nil {
		return p
	}
	in, p := parseExecHook(obj, execHookPutSchema)
	if p != nil {
		return p
	}
	id := r.PathValue("executionHook_id")
	if in.hookSourceID != nil {
		release := a.ops.execHooks.reserve(*in.hookSourceID)
		defer release()
		if _, ok := a.hooks.get(*in.hookSourceID); !ok {
			return invalidFields(9, invalidItem{Name: "hookSourceID", Reason: "no hook source has this ID"})
		}
	}
	now := a.timestamp()
	p = a.ops.execHooks.update(id, scope.visible, func(h *execHook) *problem {
		if p := checkImmutable(in, h, id); p != nil {
			return p
		}
		applyExecHookInput(in, h)
		if p := checkActionStage(h.action, h.stage); p != nil {
			return p
		}
		if h.action == "failover" {
			if target, ok := a.topo.app(h.appID); ok && !target.replicable {
				return newProblem(162)
			}
		}
		h.modifiedAt = now
		h.modifiedBy = UserID
		return nil
	})
	if p != nil {
		return p
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// checkImmutable refuses (409 problem 10) a PUT that changes id, appID or
// hookType.
func checkImmutable(in execHookInput, h *execHook, id string) *problem {
	switch {
	case in.id != nil && *in.id != id:
		return invalidFields(10, invalidItem{Name: "id", Reason: "must match the ID in the request URI"})
	case in.appID != nil && *in.appID != h.appID:
		return invalidFields(10, invalidItem{Name: "appID", Reason: "cannot be changed: an execution hook belongs to one app; create a new hook for another app"})
	case in.hookType != nil && *in.hookType != h.hookType:
		return invalidFields(10, invalidItem{Name: "hookType", Reason: "cannot be changed"})
	}
	return nil
}

// applyExecHookInput copies the fields present in a PUT body onto h.
func applyExecHookInput(in execHookInput, h *execHook) {
	for _, f := range []struct {
		from *string
		to   *string
	}{{in.name, &h.name}, {in.action, &h.action}, {in.stage, &h.stage}, {in.hookSourceID, &h.hookSourceID}} {
		if f.from != nil {
			*f.to = *f.from
		}
	}
	if in.hasArguments {
		h.arguments = in.arguments
	}
	if in.hasCriteria {
		h.criteria = in.criteria
	}
	if in.enabled != nil {
		h.enabled = *in.enabled == "true"
	}
	if in.description != nil {
		h.description = in.description
	}
	if in.metadata.hasLabels {
		h.labels = in.metadata.labels
	}
}

// deleteExecHook serves DELETE of one hook: 204; unknown: 404 problem 1;
// a NetApp hook: 403 problem 73.
func (a *API) deleteExecHook(w http.ResponseWriter, r *http.Request) *problem {
	scope := scopeOf(r)
	if p := a.checkScope(scope, 1); p != nil {
		return p
	}
	if p := a.ops.execHooks.remove(r.PathValue("executionHook_id"), scope.visible); p != nil {
		return p
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
