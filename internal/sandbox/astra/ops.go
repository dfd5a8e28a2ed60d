package astra

// The "operations" part of the Astra emulator: packages
// (core/v1/packages), execution hooks (core/v1/executionHooks and the
// app-scoped k8s/v1/apps/{app_id}/executionHooks) and app protection
// schedules (k8s/v1/apps/{app_id}/schedules).

import "net/http"

// opsProblems are the problems of the catalogue that these routes add
// (components.schemas.astra_problem_detail_N, exact enum values).
var opsProblems = map[int]problemDef{
	73:  {http.StatusForbidden, "NetApp execution hooks read only", "The execution hook resource wasn't created, edited, or deleted. Execution hook resources with a hookType of NetApp are read only."},
	153: {http.StatusConflict, "Replication policy not supported", "The application isn't eligible for creating a replication policy."},
	154: {http.StatusConflict, "Protection policy not supported", "The application isn't eligible for creating a protection policy."},
	162: {http.StatusConflict, "Post-failover execution hooks not supported", "The application isn't eligible for post-failover execution hooks."},
}

func init() {
	for n, def := range opsProblems {
		if _, ok := problemCatalog[n]; !ok {
			problemCatalog[n] = def
		}
	}
}

// opsState holds the stores of these routes.
type opsState struct {
	execHooks *execHookStore
	schedules *scheduleStore
	packages  []*astraPackage
}

// initOps creates the stores, with their fixtures, and makes the deletion
// of a hook source that an execution hook references answer 403 problem 72.
func (a *API) initOps() {
	a.ops = &opsState{
		execHooks: newExecHookStore(fixtureExecHooks()),
		schedules: newScheduleStore(),
		packages:  fixturePackages(),
	}
	a.HookSourceReferenced = a.ops.execHooks.referencesHookSource
}

// registerOps adds the routes of packages, execution hooks and schedules.
func (a *API) registerOps(rt router) {
	rt.path(packagesPath, map[string]route{
		http.MethodGet:  {handle: a.listPackages, query: packageQueryKeys},
		http.MethodPost: {handle: a.packagesReadOnly},
	})
	rt.path(packagePath, map[string]route{
		http.MethodGet:    {handle: a.getPackage},
		http.MethodDelete: {handle: a.packagesReadOnly},
	})
	rt.path(execHooksPath, map[string]route{
		http.MethodGet:  {handle: a.listExecHooks, query: listQueryKeys},
		http.MethodPost: {handle: a.createExecHook},
	})
	rt.path(execHookPath, map[string]route{
		http.MethodGet:    {handle: a.getExecHook},
		http.MethodPut:    {handle: a.updateExecHook},
		http.MethodDelete: {handle: a.deleteExecHook},
	})
	rt.path(appExecHooksPath, map[string]route{
		http.MethodGet:  {handle: a.listExecHooks, query: listQueryKeys},
		http.MethodPost: {handle: a.createExecHook},
	})
	rt.path(appExecHookPath, map[string]route{
		http.MethodGet:    {handle: a.getExecHook},
		http.MethodPut:    {handle: a.updateExecHook},
		http.MethodDelete: {handle: a.deleteExecHook},
	})
	rt.path(schedulesPath, map[string]route{
		http.MethodGet:  {handle: a.listSchedules, query: []string{queryInclude, queryLimit}},
		http.MethodPost: {handle: a.createSchedule},
	})
	rt.path(schedulePath, map[string]route{
		http.MethodGet:    {handle: a.getSchedule},
		http.MethodPut:    {handle: a.updateSchedule},
		http.MethodDelete: {handle: a.deleteSchedule},
	})
}
