package astra

import (
	"encoding/base64"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Execution hooks run at the stages the spec defines (astra.md §3.4,
// ACC's execution-hooks.adoc): pre- and post-snapshot around a snapshot;
// pre- and post-backup around a backup (with the snapshot hooks too when
// the backup takes its own snapshot: pre-backup, pre-snapshot,
// post-snapshot, post-backup); post-restore when a clone, a restore or an
// in-place restore ends; post-failover on an AppMirror's destination app
// when a failover ends. A hook runs in every container of the app its
// matching criteria match (none matched: it does not run); the hooks of
// an app are its custom hooks (appID) and the NetApp hooks (no appID);
// disabled hooks do not run. The post-restore hooks of a clone or a
// restore are its source app's, run in the new app's containers (as ACC
// applies a namespace filter to the destination namespace).
//
// The sandbox has no Kubernetes, so a hook "runs" by being recorded: each
// run is a hook run, listed at GET /_sandbox/astra/hookRuns. A run fails
// when its hook source's script holds the marker SANDBOX_HOOK_FAIL; like
// every hook failure it is soft (the operation goes on) and shows in the
// snapshot's or backup's hookState "failed" and hookStateDetails.
//
// Hook runs are records, not objects of the API: Objects does not list
// them, and they stay (as ACC's events do) after their app is gone.

// HookRunsPath lists the hook runs (the sandbox's own endpoint, outside the
// Astra API).
const HookRunsPath = "/_sandbox/astra/hookRuns"

// hookFailMarker in a hook source's script makes its runs fail.
const hookFailMarker = "SANDBOX_HOOK_FAIL"

// hookRun is one run of an execution hook.
type hookRun struct {
	ID              string          `json:"id"`
	ExecutionHookID string          `json:"executionHookID"`
	HookName        string          `json:"hookName"`
	HookType        string          `json:"hookType"`
	HookSourceID    string          `json:"hookSourceID"`
	AppID           string          `json:"appID"`
	Action          string          `json:"action"`
	Stage           string          `json:"stage"`
	ResourceKind    string          `json:"resourceKind"` // appSnap, appBackup, app, appMirror
	ResourceID      string          `json:"resourceID"`
	Arguments       []string        `json:"arguments"`
	Containers      []hookContainer `json:"containers"`
	Time            string          `json:"time"`
	State           string          `json:"state"` // succeeded, failed
	Detail          string          `json:"detail,omitempty"`
}

// hookContainer is a container a hook ran in.
type hookContainer struct {
	Namespace string `json:"namespace"`
	Pod       string `json:"pod"`
	Container string `json:"container"`
	Image     string `json:"image"`
}

// hookRunRequest says which hooks run: those of source (app.id when
// empty) for action and stage, in app's containers, for the operation on
// resourceID at at.
type hookRunRequest struct {
	app          *app
	source       string
	action       string
	stage        string
	resourceKind string
	resourceID   string
	at           time.Time
}

// runHooks runs the hooks of req and records their runs, in the hooks'
// creation order, and returns them.
func (a *API) runHooks(req hookRunRequest) []*hookRun {
	owner := req.source
	if owner == "" {
		owner = req.app.id
	}
	var runs []*hookRun
	for _, h := range a.executionHooks.All() {
		if !h.enabled || h.action != req.action || h.stage != req.stage || (h.appID != "" && h.appID != owner) {
			continue
		}
		containers, _ := matchContainers(req.app, h.criteria)
		if len(containers) == 0 {
			continue
		}
		run := &hookRun{
			ID: uuid.NewString(), ExecutionHookID: h.id, HookName: h.name, HookType: h.hookType, HookSourceID: h.hookSourceID,
			AppID: req.app.id, Action: req.action, Stage: req.stage, ResourceKind: req.resourceKind, ResourceID: req.resourceID,
			Arguments: slices.Clone(h.arguments), Time: stamp(req.at), State: "succeeded",
		}
		if run.Arguments == nil {
			run.Arguments = []string{}
		}
		for _, c := range containers {
			run.Containers = append(run.Containers, hookContainer{Namespace: c.NamespaceName, Pod: c.PodName, Container: c.ContainerName, Image: c.ContainerImage})
		}
		if src, ok := a.hookSources.Get(h.hookSourceID); ok {
			if script, err := base64.StdEncoding.DecodeString(src.source); err == nil && strings.Contains(string(script), hookFailMarker) {
				run.State, run.Detail = "failed", "the script of hook source "+src.name+" exited with status 1 ("+hookFailMarker+")"
			}
		} else {
			run.State, run.Detail = "failed", "the hook source "+h.hookSourceID+" no longer exists"
		}
		a.hookRuns.Add(run)
		runs = append(runs, run)
	}
	return runs
}

// hookStateOf returns the hookState and hookStateDetails of an operation
// whose hooks ran as runs: "success" when every run succeeded (none
// included), "failed" with one detail per failed run otherwise.
func hookStateOf(runs []*hookRun) (string, []stateDetailBody) {
	var details []stateDetailBody
	for _, r := range runs {
		if r.State == "failed" {
			details = append(details, stateDetailBody{Type: sandboxDetailBase + "hookFailed", Title: "Execution hook failed",
				Detail: r.Stage + "-" + r.Action + " hook " + r.HookName + " failed: " + r.Detail})
		}
	}
	if len(details) > 0 {
		return "failed", details
	}
	return "success", nil
}

// serveHookRuns answers GET /_sandbox/astra/hookRuns, optionally only the
// runs of one app (?appID=) or one operation (?resourceID=), in order.
func (a *API) serveHookRuns(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.settle(a.now())
	appID, resourceID := r.URL.Query().Get("appID"), r.URL.Query().Get("resourceID")
	runs := a.hookRuns.Filter(func(h *hookRun) bool {
		return (appID == "" || h.AppID == appID) && (resourceID == "" || h.ResourceID == resourceID)
	})
	_ = writeJSON(w, http.StatusOK, mediaJSON, map[string]any{"hookRuns": runs})
}
