package astra

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// Tests of the data-protection objects' rules that the conformance test
// does not show: lifecycles under faults, hook runs, dependencies, the
// inventory.

var (
	credentialsURL = "/accounts/" + AccountID + "/core/v1/credentials"
	bucketsURL     = "/accounts/" + AccountID + "/topology/v1/buckets"
)

func snapshotsURL(appID string) string {
	return "/accounts/" + AccountID + "/k8s/v1/apps/" + appID + "/appSnaps"
}
func backupsURL(appID string) string {
	return "/accounts/" + AccountID + "/k8s/v1/apps/" + appID + "/appBackups"
}

// created posts body and returns the new object's ID.
func (ta *testAPI) created(t *testing.T, path, media, body string) string {
	t.Helper()
	res := ta.sendAstra(t, http.MethodPost, path, media, body)
	if res.code != http.StatusCreated {
		t.Fatalf("POST %s: %d %s", path, res.code, res.raw)
	}
	return res.body["id"].(string)
}

// newBucket makes an S3 credential and a bucket of it, available.
func (ta *testAPI) newBucket(t *testing.T, name string) (credID, bucketID string) {
	t.Helper()
	credID = ta.created(t, credentialsURL, credentialType, `{"type":"application/astra-credential","version":"1.1","name":"`+name+
		`","keyType":"s3","keyStore":{"accessKey":"YWs=","accessSecret":"c2s="}}`)
	bucketID = ta.created(t, bucketsURL, bucketType, `{"type":"application/astra-bucket","version":"1.2","credentialID":"`+credID+
		`","provider":"generic-s3","bucketParameters":{"s3":{"serverURL":"s3.example.com","bucketName":"`+name+`"}}}`)
	ta.advance(step)
	return credID, bucketID
}

func (ta *testAPI) state(t *testing.T, path string) string {
	t.Helper()
	s, _ := ta.mustGet(t, path)["state"].(string)
	return s
}

// hookRuns returns the hook runs of resourceID.
func (ta *testAPI) hookRuns(t *testing.T, resourceID string) []hookRun {
	t.Helper()
	r := httptestGet(ta, HookRunsPath+"?resourceID="+resourceID)
	var out struct {
		HookRuns []hookRun `json:"hookRuns"`
	}
	if err := json.Unmarshal([]byte(r), &out); err != nil {
		t.Fatalf("%v: %s", err, r)
	}
	return out.HookRuns
}

func httptestGet(ta *testAPI, path string) string {
	req, _ := http.NewRequest(http.MethodGet, path, nil)
	w := &recorder{header: http.Header{}}
	ta.handler.ServeHTTP(w, req)
	return w.body.String()
}

type recorder struct {
	header http.Header
	body   strings.Builder
	code   int
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(code int)        { r.code = code }

// Every operation of an app, a bucket, a snapshot and a backup goes
// through its transitional states in order, one step each, and a stall
// holds it in its last one until it is lifted.
func TestDataProtectionLifecyclesAndStalls(t *testing.T) {
	ta, inj, rec := newFaultyMirrorAPI(t, "stall=astra.app.manage,stall=astra.bucket.create,stall=astra.snapshot.create,stall=astra.backup.create")
	app := ta.created(t, appsURL, appType, `{"type":"application/astra-app","version":"2.1","name":"payments","clusterID":"`+ClusterEastID+
		`","namespaceScopedResources":[{"namespace":"payments"}]}`)
	appURL := appsURL + "/" + app
	if got := ta.mustGet(t, appURL); got["state"] != appPending || got["version"] != "2.1" {
		t.Fatalf("new app: %v", got)
	}
	ta.advance(step)
	if s := ta.state(t, appURL); s != appDiscovering {
		t.Fatalf("one step later: %s", s)
	}
	ta.advance(5 * step)
	if s := ta.state(t, appURL); s != appDiscovering {
		t.Fatalf("stalled: %s", s)
	}
	setFaults(t, inj, "stall=astra.bucket.create,stall=astra.snapshot.create,stall=astra.backup.create")
	if s := ta.state(t, appURL); s != appReady {
		t.Fatalf("stall lifted: %s", s)
	}
	_, bucket := ta.newBucket(t, "b1")
	ta.advance(5 * step)
	if s := ta.state(t, bucketsURL+"/"+bucket); s != bucketPending {
		t.Fatalf("stalled bucket: %s", s)
	}
	snap := ta.created(t, snapshotsURL(app), snapshotType, `{"type":"application/astra-appSnap","version":"1.1","name":"s1"}`)
	snapURL := snapshotsURL(app) + "/" + snap
	ta.advance(step)
	if s := ta.state(t, snapURL); s != snapRunning {
		t.Fatalf("snapshot one step later: %s", s)
	}
	setFaults(t, inj, "stall=astra.backup.create")
	ta.advance(step)
	if got := ta.mustGet(t, snapURL); got["state"] != snapCompleted || got["version"] != "1.1" || got["snapshotAppAsset"] == nil {
		t.Fatalf("snapshot: %v", got)
	}
	if s := ta.state(t, bucketsURL+"/"+bucket); s != bucketAvailable {
		t.Fatalf("bucket: %s", s)
	}
	backup := ta.created(t, backupsURL(app), backupType, `{"type":"application/astra-appBackup","version":"1.2","name":"b1","snapshotID":"`+snap+`"}`)
	backupURL := backupsURL(app) + "/" + backup
	ta.advance(step)
	if got := ta.mustGet(t, backupURL); got["state"] != backupRunning || got["percentDone"] != 50.0 {
		t.Fatalf("backup: %v", got)
	}
	ta.advance(5 * step)
	if s := ta.state(t, backupURL); s != backupRunning {
		t.Fatalf("stalled backup: %s", s)
	}
	setFaults(t, inj, "")
	if got := ta.mustGet(t, backupURL); got["state"] != backupCompleted || got["bucketID"] != bucket || got["bytesDone"] != got["totalBytes"] {
		t.Fatalf("backup: %v", got)
	}
	for _, op := range []string{"astra.app.manage", "astra.bucket.create", "astra.snapshot.create", "astra.backup.create"} {
		if rec.Snapshot()[op].Count != 1 {
			t.Errorf("notice of %s: %v", op, rec.Snapshot())
		}
	}
}

// fail= makes each operation end in failure, with the API's explanation;
// deleting the failed object works.
func TestDataProtectionFailures(t *testing.T) {
	ta, inj, _ := newFaultyMirrorAPI(t, "fail=astra.bucket.create")
	_, bucket := ta.newBucket(t, "b1")
	got := ta.mustGet(t, bucketsURL+"/"+bucket)
	if got["state"] != bucketFailed || !strings.Contains(ta.get(t, bucketsURL+"/"+bucket).raw, "astra.bucket.create") {
		t.Fatalf("failed bucket: %v", got)
	}
	setFaults(t, inj, "fail=astra.snapshot.create,fail=astra.app.in_place_restore")
	_, good := ta.newBucket(t, "b2")
	snap := ta.created(t, snapshotsURL(PostgresID), snapshotType, `{"type":"application/astra-appSnap","version":"1.3","name":"s"}`)
	ta.advance(2 * step)
	got = ta.mustGet(t, snapshotsURL(PostgresID)+"/"+snap)
	if got["state"] != snapFailed || len(got["stateUnready"].([]any)) != 1 {
		t.Fatalf("failed snapshot: %v", got)
	}
	// A backup to a bucket that is not available fails, with the reason.
	b := ta.created(t, backupsURL(PostgresID), backupType, `{"type":"application/astra-appBackup","version":"1.2","name":"x","bucketID":"`+bucket+`"}`)
	ta.advance(2 * step)
	got = ta.mustGet(t, backupsURL(PostgresID)+"/"+b)
	if got["state"] != backupFailed || !strings.Contains(got["stateUnready"].([]any)[0].(string), "not available") {
		t.Fatalf("backup to a failed bucket: %v", got)
	}
	ok := ta.created(t, backupsURL(PostgresID), backupType, `{"type":"application/astra-appBackup","version":"1.2","name":"y","bucketID":"`+good+`"}`)
	ta.advance(2 * step)
	res := ta.sendAstra(t, http.MethodPut, appsURL+"/"+PostgresID, appType, `{"type":"application/astra-app","version":"2.2","backupID":"`+ok+`"}`)
	if res.code != 403 {
		t.Fatalf("IPR without forceUpdate: %d", res.code)
	}
	res = ta.do(t, request{method: http.MethodPut, path: appsURL + "/" + PostgresID, body: `{"type":"application/astra-app","version":"2.2","backupID":"` + ok + `"}`,
		headers: map[string]string{"Content-Type": appType + "+json", "ForceUpdate": "TRUE"}})
	if res.code != http.StatusNoContent {
		t.Fatalf("IPR: %d %s", res.code, res.raw)
	}
	ta.advance(2 * step)
	if got := ta.getApp(t, PostgresID); got["state"] != appFailed || !strings.Contains(ta.get(t, appsURL+"/"+PostgresID).raw, "astra.app.in_place_restore") {
		t.Fatalf("failed IPR: %v", got)
	}
	for _, path := range []string{snapshotsURL(PostgresID) + "/" + snap, backupsURL(PostgresID) + "/" + b} {
		if res := ta.do(t, request{method: http.MethodDelete, path: path}); res.code != http.StatusNoContent {
			t.Fatalf("DELETE %s: %d %s", path, res.code, res.raw)
		}
	}
	if res := ta.do(t, request{method: http.MethodDelete, path: bucketsURL + "/" + bucket}); res.code != http.StatusNoContent {
		t.Fatalf("DELETE failed bucket: %d", res.code)
	}
}

// A bucket whose credential is deleted or made not valid is "removed"
// until a PUT gives it a usable credential; a completed backup whose
// bucket is deleted is "removed".
func TestBucketFollowsItsCredential(t *testing.T) {
	ta := newMirrorAPI(t)
	cred, bucket := ta.newBucket(t, "b1")
	url := bucketsURL + "/" + bucket
	res := ta.sendAstra(t, http.MethodPut, credentialsURL+"/"+cred, credentialType,
		`{"type":"application/astra-credential","version":"1.1","name":"b1","keyStore":{"accessKey":"YWs=","accessSecret":"c2s="},"valid":"false"}`)
	if res.code != http.StatusNoContent {
		t.Fatal(res.raw)
	}
	if got := ta.mustGet(t, url); got["state"] != bucketRemoved {
		t.Fatalf("bucket with an invalid credential: %v", got)
	}
	if res := ta.do(t, request{method: http.MethodDelete, path: credentialsURL + "/" + cred}); res.code != http.StatusNoContent {
		t.Fatal(res.raw)
	}
	if ta.state(t, url) != bucketRemoved {
		t.Fatal("bucket without credential not removed")
	}
	other, _ := ta.newBucket(t, "b2")
	if res := ta.sendAstra(t, http.MethodPut, url, bucketType, `{"type":"application/astra-bucket","version":"1.2","credentialID":"`+other+`"}`); res.code != 204 {
		t.Fatal(res.raw)
	}
	if ta.state(t, url) != bucketAvailable {
		t.Fatal("bucket with a new credential not available")
	}
	b := ta.created(t, backupsURL(WordpressID), backupType, `{"type":"application/astra-appBackup","version":"1.2","name":"x","bucketID":"`+bucket+`"}`)
	ta.advance(2 * step)
	if res := ta.do(t, request{method: http.MethodDelete, path: url}); res.code != http.StatusNoContent {
		t.Fatal(res.raw)
	}
	if ta.state(t, backupsURL(WordpressID)+"/"+b) != backupRemoved {
		t.Fatal("backup of a deleted bucket not removed")
	}
	// A schedule that takes backups to a bucket keeps it from deletion.
	_, kept := ta.newBucket(t, "b3")
	ta.createSchedule(t, WordpressID, mergeFields(scheduleFields("nightly"), map[string]any{"bucketID": kept}))
	mustProblem(t, ta.do(t, request{method: http.MethodDelete, path: bucketsURL + "/" + kept}), 403, 11)
	// The keyStore is never answered, the credential is.
	if raw := ta.get(t, credentialsURL+"?include=id,name").raw; strings.Contains(raw, "c2s=") {
		t.Errorf("a list holds a key: %s", raw)
	}
}

// Hooks run at their stages, in the containers they match, and show in
// the hook runs; a hook whose script holds SANDBOX_HOOK_FAIL fails, softly.
func TestHooksRunAtTheirStages(t *testing.T) {
	ta := newMirrorAPI(t)
	app := ta.created(t, appsURL, appType, `{"type":"application/astra-app","version":"2.2","name":"payments","clusterID":"`+ClusterEastID+
		`","namespaceScopedResources":[{"namespace":"payments","labelSelectors":["tier in (db)"]}]}`)
	ta.advance(2 * step)
	ok := ta.create(t, "freeze")
	bad := ta.created(t, collectionURL, hookSourceType, hookBody("broken", "IyEvYmluL3NoClNBTkRCT1hfSE9PS19GQUlM")) // "#!/bin/sh\nSANDBOX_HOOK_FAIL"
	for _, h := range []struct{ name, source, action, stage string }{
		{"pre-snap", ok, "snapshot", "pre"}, {"post-snap", bad, "snapshot", "post"},
		{"pre-backup", ok, "backup", "pre"}, {"post-backup", ok, "backup", "post"}, {"post-restore", ok, "restore", "post"},
	} {
		ta.createExecHook(t, h.name, app, h.source, map[string]any{"action": h.action, "stage": h.stage})
	}
	ta.createExecHook(t, "api-only", app, ok, map[string]any{"action": "snapshot", "stage": "pre",
		"matchingCriteria": []map[string]string{{"type": "containerName", "value": "^api$"}}})
	ta.createExecHook(t, "off", app, ok, map[string]any{"action": "snapshot", "stage": "pre", "enabled": "false"})

	snap := ta.created(t, snapshotsURL(app), snapshotType, `{"type":"application/astra-appSnap","version":"1.3","name":"s"}`)
	if runs := ta.hookRuns(t, snap); len(runs) != 2 || runs[0].HookName != "NetApp postgres pre-snapshot" || runs[1].HookName != "pre-snap" ||
		runs[1].Containers[0].Pod != "payments-db-0" || runs[1].Containers[0].Namespace != "payments" {
		t.Fatalf("pre-snapshot runs (the app selects the db tier, not the api): %+v", runs)
	}
	ta.advance(2 * step)
	got := ta.mustGet(t, snapshotsURL(app)+"/"+snap)
	if got["state"] != snapCompleted || got["hookState"] != "failed" || !strings.Contains(ta.get(t, snapshotsURL(app)+"/"+snap).raw, "post-snapshot hook post-snap failed") {
		t.Fatalf("a failed post-snapshot hook: %v", got)
	}
	_, bucket := ta.newBucket(t, "b")
	backup := ta.created(t, backupsURL(app), backupType, `{"type":"application/astra-appBackup","version":"1.2","name":"b","bucketID":"`+bucket+`"}`)
	ta.advance(2 * step)
	var stages []string
	for _, r := range ta.hookRuns(t, backup) {
		stages = append(stages, r.Stage+"-"+r.Action)
	}
	if want := []string{"pre-backup", "pre-snapshot", "pre-snapshot", "post-snapshot", "post-backup"}; !slices.Equal(stages, want) {
		t.Errorf("backup hook runs %v, want %v", stages, want)
	}
	restored := ta.created(t, appsURL, appType, `{"type":"application/astra-app","version":"2.2","name":"drill","clusterID":"`+ClusterEastID+
		`","backupID":"`+backup+`","namespaceMapping":[{"source":"payments","destination":"payments-drill"}]}`)
	ta.advance(2 * step)
	runs := ta.hookRuns(t, restored)
	if len(runs) != 1 || runs[0].HookName != "post-restore" || runs[0].AppID != restored || runs[0].Containers[0].Namespace != "payments-drill" {
		t.Fatalf("post-restore runs of the restore: %+v", runs)
	}
	if got := ta.getApp(t, restored); got["sourceAppID"] != app || got["backupID"] != backup || got["sourceClusterName"] != ClusterEastName {
		t.Errorf("restored app: %v", got)
	}
}

// Unmanaging an app takes its schedules, snapshots and backups with it;
// its execution hooks and its namespaces stay.
func TestUnmanageCascades(t *testing.T) {
	ta := newMirrorAPI(t)
	app := ta.manageApp(t, "shop", ClusterEastID)
	_, bucket := ta.newBucket(t, "b")
	snap := ta.created(t, snapshotsURL(app), snapshotType, `{"type":"application/astra-appSnap","version":"1.3","name":"s"}`)
	ta.advance(2 * step)
	ta.created(t, backupsURL(app), backupType, `{"type":"application/astra-appBackup","version":"1.2","name":"b","bucketID":"`+bucket+`","snapshotID":"`+snap+`"}`)
	ta.createSchedule(t, app, scheduleFields("hourly"))
	hook := ta.createExecHook(t, "h", app, ta.create(t, "src"), nil)
	ta.advance(2 * step)
	if res := ta.do(t, request{method: http.MethodDelete, path: appsURL + "/" + app}); res.code != http.StatusNoContent {
		t.Fatal(res.raw)
	}
	ta.advance(step)
	for _, o := range ta.api.Objects() {
		if o.Kind == "astra.snapshot" || o.Kind == "astra.backup" || o.Kind == "astra.app_schedule" || o.ID == app {
			t.Errorf("%v outlived its app", o)
		}
	}
	if res := ta.get(t, execHooksURL+"/"+hook); res.code != http.StatusOK {
		t.Errorf("the app's hook went too: %d", res.code)
	}
	c, _ := ta.api.clusters.Get(ClusterEastID)
	if !c.namespaceExists("shop") {
		t.Error("the app's namespace went")
	}
	// A restore can then not take the namespace.
	mustProblem(t, ta.sendAstra(t, http.MethodPost, appsURL, appType, `{"type":"application/astra-app","version":"2.2","name":"x","sourceAppID":"`+
		WordpressID+`","namespaceMapping":[{"source":"wordpress","destination":"shop"}]}`), 409, 10)
}

// Objects lists the new kinds with their states; fixtures include the
// unmanaged namespaces' clusters, and the env names them.
func TestDataProtectionObjectsAndFixtures(t *testing.T) {
	ta := newMirrorAPI(t)
	cred, bucket := ta.newBucket(t, "b")
	snap := ta.created(t, snapshotsURL(WordpressID), snapshotType, `{"type":"application/astra-appSnap","version":"1.3","name":"s"}`)
	backup := ta.created(t, backupsURL(PostgresID), backupType, `{"type":"application/astra-appBackup","version":"1.2","name":"b"}`)
	want := map[string]backend.Object{
		cred:   {Kind: "astra.cloud_credential", ID: cred, Name: "b"},
		bucket: {Kind: "astra.bucket", ID: bucket, Name: "b", Status: bucketAvailable},
		snap:   {Kind: "astra.snapshot", ID: snap, Name: "s", Status: snapPending},
		backup: {Kind: "astra.backup", ID: backup, Name: "b", Status: backupPending},
	}
	for _, o := range ta.api.Objects() {
		if w, ok := want[o.ID]; ok && o != w {
			t.Errorf("object %+v, want %+v", o, w)
		}
		delete(want, o.ID)
	}
	if len(want) > 0 {
		t.Errorf("not listed: %v", want)
	}
	for _, cn := range UnmanagedNamespaces {
		clusterName, ns, _ := strings.Cut(cn, "/")
		c, _ := ta.api.clusters.Find(func(c *cluster) bool { return c.name == clusterName })
		if !c.namespaceExists(ns) || ta.api.apps.Any(func(x *app) bool { return x.clusterID == c.id && slices.Contains(x.namespaces(), ns) }) {
			t.Errorf("%s is not an unmanaged namespace", cn)
		}
	}
}

func TestLabelSelectors(t *testing.T) {
	labels := []label{{"app", "payments"}, {"tier", "db"}}
	for s, want := range map[string]bool{
		"app=payments": true, "app==payments,tier=db": true, "app = payments , tier != db": false, "tier in (db, cache)": true,
		"tier notin (db)": false, "app": true, "!app": false, "!release": true, "app=other": false,
	} {
		if got := selectorsMatch([]string{s}, labels); got != want {
			t.Errorf("%q matches %v, want %v", s, got, want)
		}
	}
	for _, s := range []string{"", "app in (a", "=x", "a b", "app=", "app=x y"} {
		if _, err := parseSelector(s); err == nil && s != "app=" {
			t.Errorf("%q parsed", s)
		}
	}
}
