package astra

import (
	"net/http"

	"github.com/google/uuid"
)

// executionHookScope is the app of an app-scoped execution hook route
// (k8s/v1/apps/{app_id}/executionHooks), or "" on core/v1/executionHooks.
// Both paths share one table; an app-scoped path sees only that app's
// hooks.
type executionHookScope string

func executionHookScopeOf(r *http.Request) executionHookScope {
	return executionHookScope(r.PathValue("app_id"))
}

// visible reports whether h can be reached through this scope.
func (s executionHookScope) visible(h *executionHook) bool { return s == "" || h.appID == string(s) }

// checkScope answers problem n when the scope's app does not exist.
func (a *API) checkScope(s executionHookScope, n int) *problem {
	if s == "" {
		return nil
	}
	if _, ok := a.apps.Get(string(s)); !ok {
		return newProblem(n)
	}
	return nil
}

// viewExecutionHook renders h with its app's matching containers.
func (a *API) viewExecutionHook(h *executionHook) any {
	x, _ := a.apps.Get(h.appID)
	return h.view(x)
}

// listExecutionHooks serves GET on both collections.
func (a *API) listExecutionHooks(w http.ResponseWriter, r *http.Request) *problem {
	scope := executionHookScopeOf(r)
	if p := a.checkScope(scope, 2); p != nil {
		return p
	}
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	return writeRows(w, executionHooksType, executionHookVersion, a.executionHooks.Filter(scope.visible), a.viewExecutionHook, q)
}

// createExecutionHook serves POST on both collections: 201 with the new
// hook and its Location.
//
// Checks, in order: the app of the path (404 problem 2); the body
// (problems 7, 8, 9); stage allowed for the action (problem 9); hookType
// "netapp" (403 problem 73); on an app-scoped path, appID must be that app
// (409 problem 10); appID and hookSourceID must name an existing app and
// hook source (400 problem 9); a failover hook needs an app that can be
// replicated (409 problem 162); the name must be unique (409 problem 10).
func (a *API) createExecutionHook(w http.ResponseWriter, r *http.Request) *problem {
	scope := executionHookScopeOf(r)
	if p := a.checkScope(scope, 2); p != nil {
		return p
	}
	obj, p := readObject(r, resourceMediaType(executionHookType))
	if p != nil {
		return p
	}
	in, p := parseExecutionHook(obj, executionHookPostSchema)
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
	target, ok := a.apps.Get(*in.appID)
	if !ok {
		return invalidFields(9, invalidItem{Name: "appID", Reason: "no managed app has this ID"})
	}
	if *in.action == "failover" && !target.replicable {
		return newProblem(162)
	}
	if p := a.checkHookSourceExists(*in.hookSourceID); p != nil {
		return p
	}
	h := &executionHook{
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
		record:       newRecord(a.timestamp(), in.metadata.labels),
	}
	if p := a.addExecutionHook(h); p != nil {
		return p
	}
	return writeCreated(w, r, executionHookType, h.id, h.view(target))
}

// checkHookSourceExists answers 400 problem 9 naming hookSourceID when no
// hook source has the ID.
func (a *API) checkHookSourceExists(id string) *problem {
	if _, ok := a.hookSources.Get(id); !ok {
		return invalidFields(9, invalidItem{Name: "hookSourceID", Reason: "no hook source has this ID"})
	}
	return nil
}

// getExecutionHook serves GET of one hook; unknown (or another app's hook
// on an app-scoped path): 404 problem 2.
func (a *API) getExecutionHook(w http.ResponseWriter, r *http.Request) *problem {
	scope := executionHookScopeOf(r)
	if p := a.checkScope(scope, 2); p != nil {
		return p
	}
	h, ok := a.executionHooks.Get(r.PathValue("executionHook_id"))
	if !ok || !scope.visible(h) {
		return newProblem(2)
	}
	return writeResource(w, r, http.StatusOK, executionHookType, a.viewExecutionHook(h))
}

// updateExecutionHook serves PUT of one hook: 204, no body.
//
// Fields absent from the body keep their values, as for hook sources (the
// spec's own PUT example sends only type, version and arguments). An empty
// array clears arguments or matchingCriteria, "" clears the description.
// appID and hookType cannot change (409 problem 10): a hook belongs to one
// app, and only custom hooks can be written. A NetApp hook: 403 problem 73.
func (a *API) updateExecutionHook(w http.ResponseWriter, r *http.Request) *problem {
	scope := executionHookScopeOf(r)
	if p := a.checkScope(scope, 1); p != nil {
		return p
	}
	obj, p := readObject(r, resourceMediaType(executionHookType))
	if p != nil {
		return p
	}
	in, p := parseExecutionHook(obj, executionHookPutSchema)
	if p != nil {
		return p
	}
	id := r.PathValue("executionHook_id")
	if in.hookSourceID != nil {
		if p := a.checkHookSourceExists(*in.hookSourceID); p != nil {
			return p
		}
	}
	now := a.timestamp()
	p = a.editExecutionHook(id, scope, func(h *executionHook) *problem {
		if p := checkImmutable(in, h, id); p != nil {
			return p
		}
		in.applyTo(h)
		if p := checkActionStage(h.action, h.stage); p != nil {
			return p
		}
		if h.action == "failover" {
			if target, ok := a.apps.Get(h.appID); ok && !target.replicable {
				return newProblem(162)
			}
		}
		h.touch(now)
		return nil
	})
	return noContent(w, p)
}

// deleteExecutionHook serves DELETE of one hook: 204; unknown: 404 problem
// 1; a NetApp hook: 403 problem 73.
func (a *API) deleteExecutionHook(w http.ResponseWriter, r *http.Request) *problem {
	scope := executionHookScopeOf(r)
	if p := a.checkScope(scope, 1); p != nil {
		return p
	}
	return noContent(w, a.removeExecutionHook(r.PathValue("executionHook_id"), scope))
}
