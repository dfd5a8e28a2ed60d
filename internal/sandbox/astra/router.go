package astra

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// The paths of the API. Apps are k8s/v2, but what hangs below an app is
// k8s/v1 (appScope).
const (
	accountsPrefix = "/accounts/{account_id}"
	appScope       = accountsPrefix + "/k8s/v1/apps/{app_id}"

	hookSourcesPath         = accountsPrefix + "/core/v1/hookSources"
	hookSourcePath          = hookSourcesPath + "/{hookSource_id}"
	executionHooksPath      = accountsPrefix + "/core/v1/executionHooks"
	executionHookPath       = executionHooksPath + "/{executionHook_id}"
	appExecutionHooksPath   = appScope + "/executionHooks"
	appExecutionHookPath    = appExecutionHooksPath + "/{executionHook_id}"
	appSchedulesPath        = appScope + "/schedules"
	appSchedulePath         = appSchedulesPath + "/{schedule_id}"
	packagesPath            = accountsPrefix + "/core/v1/packages"
	packagePath             = packagesPath + "/{package_id}"
	appsPath                = accountsPrefix + "/k8s/v2/apps"
	appPath                 = appsPath + "/{app_id}"
	clusterAppsPath         = accountsPrefix + "/topology/v2/managedClusters/{managedCluster_id}/apps"
	clusterAppPath          = clusterAppsPath + "/{app_id}"
	managedClustersPath     = accountsPrefix + "/topology/v1/managedClusters"
	managedClusterPath      = managedClustersPath + "/{managedCluster_id}"
	storageClassesPath      = managedClusterPath + "/storageClasses"
	storageClassPath        = storageClassesPath + "/{storageClass_id}"
	appMirrorsPath          = accountsPrefix + "/k8s/v1/appMirrors"
	appMirrorPath           = appMirrorsPath + "/{appMirror_id}"
	appScopedAppMirrorsPath = appScope + "/appMirrors"
	appScopedAppMirrorPath  = appScopedAppMirrorsPath + "/{appMirror_id}"
	credentialsPath         = accountsPrefix + "/core/v1/credentials"
	credentialPath          = credentialsPath + "/{credential_id}"
	bucketsPath             = accountsPrefix + "/topology/v1/buckets"
	bucketPath              = bucketsPath + "/{bucket_id}"
	snapshotsPath           = appScope + "/appSnaps"
	snapshotPath            = snapshotsPath + "/{appSnap_id}"
	backupsPath             = appScope + "/appBackups"
	backupPath              = backupsPath + "/{appBackup_id}"
	allBackupsPath          = accountsPrefix + "/topology/v1/appBackups"
	anyBackupPath           = allBackupsPath + "/{appBackup_id}"
)

// Register adds every Astra route to mux, plus method-less patterns that
// answer 405 problem 69 and fallbacks under /accounts that answer 404
// problem 2.
func (a *API) Register(mux *http.ServeMux) {
	rt := router{api: a, mux: mux}
	// The objects the API's user writes: a collection (list, create) and
	// its objects (get, update, delete). Execution hooks and AppMirrors
	// have an app-scoped path too, over the same table, and apps a
	// cluster-scoped one (astra.md §10.1).
	for _, c := range []struct {
		collection, one                   string
		query                             []string
		list, create, get, update, remove handlerFunc
	}{
		{hookSourcesPath, hookSourcePath, listQueryKeys,
			a.listHookSources, a.createHookSource, a.getHookSource, a.updateHookSource, a.deleteHookSource},
		{executionHooksPath, executionHookPath, listQueryKeys,
			a.listExecutionHooks, a.createExecutionHook, a.getExecutionHook, a.updateExecutionHook, a.deleteExecutionHook},
		{appExecutionHooksPath, appExecutionHookPath, listQueryKeys,
			a.listExecutionHooks, a.createExecutionHook, a.getExecutionHook, a.updateExecutionHook, a.deleteExecutionHook},
		{appSchedulesPath, appSchedulePath, []string{queryInclude, queryLimit},
			a.listAppSchedules, a.createAppSchedule, a.getAppSchedule, a.updateAppSchedule, a.deleteAppSchedule},
		{appMirrorsPath, appMirrorPath, listQueryKeys,
			a.listAppMirrors, a.createAppMirror, a.getAppMirror, a.updateAppMirror, a.deleteAppMirror},
		{appScopedAppMirrorsPath, appScopedAppMirrorPath, listQueryKeys,
			a.listAppMirrors, a.createAppMirror, a.getAppMirror, a.updateAppMirror, a.deleteAppMirror},
		{credentialsPath, credentialPath, pagedQueryKeys,
			a.listCredentials, a.createCredential, a.getCredential, a.updateCredential, a.deleteCredential},
		{bucketsPath, bucketPath, nil,
			a.listBuckets, a.createBucket, a.getBucket, a.updateBucket, a.deleteBucket},
		{appsPath, appPath, listQueryKeys,
			a.listApps, a.createApp, a.getApp, a.updateApp, a.deleteApp},
		{clusterAppsPath, clusterAppPath, listQueryKeys,
			a.listClusterApps, a.createClusterApp, a.getClusterApp, a.updateClusterApp, a.deleteClusterApp},
	} {
		rt.path(c.collection, map[string]route{
			http.MethodGet:  {handle: c.list, query: c.query},
			http.MethodPost: {handle: c.create},
		})
		rt.path(c.one, map[string]route{
			http.MethodGet:    {handle: c.get},
			http.MethodPut:    {handle: c.update},
			http.MethodDelete: {handle: c.remove},
		})
	}
	// Read-only packages and the fixed topology.
	rt.path(packagesPath, map[string]route{
		http.MethodGet:  {handle: a.listPackages, query: packageQueryKeys},
		http.MethodPost: {handle: a.packagesReadOnly},
	})
	rt.path(packagePath, map[string]route{
		http.MethodGet:    {handle: a.getPackage},
		http.MethodDelete: {handle: a.packagesReadOnly},
	})
	rt.path(managedClustersPath, map[string]route{
		http.MethodGet: {handle: a.listManagedClusters, query: listQueryKeys},
	})
	rt.path(managedClusterPath, map[string]route{
		http.MethodGet: {handle: a.getManagedCluster},
	})
	rt.path(storageClassesPath, map[string]route{
		http.MethodGet: {handle: a.listStorageClasses, query: []string{queryInclude, queryLimit}},
	})
	rt.path(storageClassPath, map[string]route{
		http.MethodGet: {handle: a.getStorageClass},
	})
	// Snapshots and backups have no PUT; the account-wide backups are
	// read and deleted only.
	rt.path(snapshotsPath, map[string]route{
		http.MethodGet:  {handle: a.listSnapshots, query: []string{queryInclude, queryLimit}},
		http.MethodPost: {handle: a.createSnapshot},
	})
	rt.path(snapshotPath, map[string]route{
		http.MethodGet:    {handle: a.getSnapshot},
		http.MethodDelete: {handle: a.deleteSnapshot},
	})
	for _, paths := range [][2]string{{backupsPath, backupPath}, {allBackupsPath, anyBackupPath}} {
		collection := map[string]route{http.MethodGet: {handle: a.listBackups, query: []string{queryInclude, queryLimit}}}
		if paths[0] == backupsPath {
			collection[http.MethodPost] = route{handle: a.createBackup}
		}
		rt.path(paths[0], collection)
		rt.path(paths[1], map[string]route{
			http.MethodGet:    {handle: a.getBackup},
			http.MethodDelete: {handle: a.deleteBackup},
		})
	}
	mux.HandleFunc("GET "+HookRunsPath, a.serveHookRuns)
	mux.HandleFunc("POST "+AppMirrorBreakPath, a.serveBreakAppMirror)
	mux.HandleFunc("POST "+AppMirrorRepairPath, a.serveRepairAppMirror)
	// Not served (the fallback answers 404 problem 2 and counts them as
	// unmatched):
	//   - core/v1/tasks[/{task_id}] (astra.md §15): read-only progress of
	//     long operations. actoolkit and NetApp's labs never call it, and
	//     the provider polls the resource itself, as §15 advises; emulating
	//     it means a task per snapshot, backup, clone, restore and in-place
	//     restore with subtasks, percentDone and a 24-hour expiry, which no
	//     client of the sandbox would read.
	//   - appAssets, under an app, a snapshot, a backup or
	//     topology/v1/managedClusters/{id}/apps/{id} (§10.6, §13.1, §14.1):
	//     the Kubernetes resources of an app. The sandbox has no Kubernetes
	//     (a namespace has fixed containers, nothing more), so it could only
	//     invent them, and an empty list would claim an app has none.
	//     actoolkit reads them before a clone or a restore (to carry
	//     IngressClasses); the provider never does.
	rt.fallback("/accounts")
	rt.fallback("/accounts/")
}

// handlerFunc serves one authenticated request on the right account, with
// the emulator locked. It returns a problem to send, or nil when it wrote
// the response itself.
type handlerFunc func(w http.ResponseWriter, r *http.Request) *problem

// route is one method of one path: its handler and the query keys it
// accepts (any other key gives 400 problem 6).
type route struct {
	handle handlerFunc
	query  []string
}

// router registers routes on a ServeMux with the checks every Astra route
// shares.
type router struct {
	api *API
	mux *http.ServeMux
}

// path registers each method of pattern, and a method-less pattern that
// answers 405 problem 69 for the other methods.
func (rt router) path(pattern string, methods map[string]route) {
	allow := make([]string, 0, len(methods))
	for method, rte := range methods {
		allow = append(allow, method)
		rt.mux.Handle(method+" "+pattern, rt.api.guard(rte.query, rte.handle))
	}
	slices.Sort(allow)
	allowHeader := strings.Join(allow, ", ")
	rt.mux.Handle(pattern, rt.api.guard(nil, func(w http.ResponseWriter, _ *http.Request) *problem {
		w.Header().Set("Allow", allowHeader)
		return newProblem(69)
	}))
}

// fallback registers pattern as a catch-all that answers 404 problem 2
// (after authentication, like every Astra path) and counts as unmatched.
func (rt router) fallback(pattern string) {
	rt.mux.Handle(pattern, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		backend.MarkUnmatched(r)
		if p := rt.api.authenticate(r); p != nil {
			p.write(w)
			return
		}
		newProblem(2).write(w)
	}))
}

// guard wraps h with the checks of every route, in this order: bearer token
// (401 problem 3 or 4), account ID in the path (404 problem 2), then query
// keys (400 problem 6, or 5 for an unparsable query string). It reads the
// body into memory, then runs h with the emulator locked, after applying
// every asynchronous transition that has ended (settle).
func (a *API) guard(allowedQuery []string, h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p := a.check(r, allowedQuery); p != nil {
			p.write(w)
			return
		}
		bufferBody(r)
		a.mu.Lock()
		defer a.mu.Unlock()
		a.settle(a.now())
		if p := h(w, r); p != nil {
			p.write(w)
		}
	})
}

// check runs the shared checks of guard.
func (a *API) check(r *http.Request, allowedQuery []string) *problem {
	if p := a.authenticate(r); p != nil {
		return p
	}
	if r.PathValue("account_id") != a.opts.AccountID {
		return newProblem(2)
	}
	values, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return invalidParams(5, "query", "the query string is malformed: "+err.Error())
	}
	keys := make([]string, 0, len(values))
	for key := range values {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	for _, key := range keys {
		if !slices.Contains(allowedQuery, key) {
			return invalidParams(6, key, "query parameter "+strconv.Quote(key)+" isn't supported for this endpoint")
		}
	}
	return nil
}

// authenticate checks the Authorization header: a missing header or a
// scheme other than Bearer gives problem 3, a wrong token problem 4.
func (a *API) authenticate(r *http.Request) *problem {
	header := strings.TrimSpace(r.Header.Get("Authorization"))
	scheme, token, _ := strings.Cut(header, " ")
	token = strings.TrimSpace(token)
	if !strings.EqualFold(scheme, "Bearer") || token == "" {
		return newProblem(3)
	}
	if token != a.opts.Token {
		return newProblem(4)
	}
	return nil
}
