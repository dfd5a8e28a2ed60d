package astra

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestOpenAPIConformanceDataProtection drives the routes of data
// protection through a real HTTP server, in the order of a runbook, and
// validates each request and response against NetApp's spec: credentials,
// buckets, managed apps (manage, rename, clone, restore, in-place restore,
// unmanage), snapshots and backups, with their refusals. Where the spec
// lists no problem for a refusal it describes elsewhere, the sandbox
// answers with the nearest one the route lists (each handler says which);
// the one answer of a status the route does not list (PUT of an unknown
// credential: 404, as every other PUT) is marked unlisted and checked
// against its problem's own schema.
func TestOpenAPIConformanceDataProtection(t *testing.T) {
	clock := time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)
	base, router := newConformanceServer(t, New(Options{Transition: step, Now: func() time.Time { return clock }}))
	advance := func(n int) func() { return func() { clock = clock.Add(time.Duration(n) * step) } }

	const otherID = "2d6154dd-6863-4a26-8017-6be092b8b0bd"
	root := "/accounts/" + AccountID
	creds, buckets, apps := root+"/core/v1/credentials", root+"/topology/v1/buckets", root+"/k8s/v2/apps"
	var credID, saCredID, bucketID, appID, snapID, backupID, ownBackupID, restoredID, cloneID, westSnapID, westBackupID, westAppID, continueToken string
	eastApps := root + "/topology/v2/managedClusters/" + ClusterEastID + "/apps"
	westApps := root + "/topology/v2/managedClusters/" + ClusterWestID + "/apps"
	under := func(prefix string, p *string) func() string { return func() string { return prefix + "/" + *p } }
	appPath := func(suffix string) func() string { return func() string { return apps + "/" + appID + suffix } }
	scoped := func(kind string, p *string) func() string {
		return func() string {
			s := root + "/k8s/v1/apps/" + appID + "/" + kind
			if p != nil {
				s += "/" + *p
			}
			return s
		}
	}
	capture := func(p *string) func(map[string]any) { return func(m map[string]any) { *p, _ = m["id"].(string) } }
	b64 := "QUtJQVNBTkRCT1g="
	s3Cred := `{"type":"application/astra-credential","version":"1.1","name":"backups","keyType":"s3","keyStore":{"accessKey":"` + b64 + `","accessSecret":"c2VjcmV0"},` +
		`"metadata":{"labels":[{"name":"astra.netapp.io/labels/read-only/credType","value":"s3"}]}}`
	bucketBody := func(credential, provider, params string) string {
		return `{"type":"application/astra-bucket","version":"1.2","name":"dr-backups","credentialID":"` + credential +
			`","provider":"` + provider + `","bucketParameters":` + params + `}`
	}
	s3Params := `{"s3":{"serverURL":"s3.example.com","bucketName":"dr-backups"}}`
	app := func(members ...string) string {
		return `{"type":"application/astra-app","version":"2.2",` + strings.Join(members, ",") + `}`
	}
	manage := app(`"name":"payments"`, `"clusterID":"`+ClusterEastID+`"`,
		`"namespaceScopedResources":[{"namespace":"payments","labelSelectors":["app=payments"]}]`)
	snap := func(members ...string) string {
		return `{"type":"application/astra-appSnap","version":"1.3"` + prefixComma(members) + `}`
	}
	backupOf := func(members ...string) string {
		return `{"type":"application/astra-appBackup","version":"1.2"` + prefixComma(members) + `}`
	}
	restore := func(source string, members ...string) string {
		return app(append([]string{`"name":"payments-drill"`, `"clusterID":"` + ClusterEastID + `"`, source}, members...)...)
	}
	cases := []conformanceCase{
		// Credentials.
		{name: "POST credential s3", method: "POST", path: fixed(creds), body: s3Cred, status: 201, reqValid: true, capture: capture(&credID),
			want: map[string]string{"keyType": "s3", "valid": "true"}},
		{name: "POST credential service account", method: "POST", path: fixed(creds), status: 201, reqValid: true, capture: capture(&saCredID),
			body: `{"type":"application/astra-credential","version":"1.1","name":"astra-sa@dr","keyType":"generic","keyStore":{"base64":"e30="}}`},
		{name: "POST credential s3 without secret", method: "POST", path: fixed(creds), status: 400, problem: 9, reqValid: true,
			body: `{"type":"application/astra-credential","version":"1.1","name":"x","keyType":"s3","keyStore":{"accessKey":"` + b64 + `"}}`},
		{name: "POST credential not base64", method: "POST", path: fixed(creds), status: 400, problem: 9,
			body: `{"type":"application/astra-credential","version":"1.1","name":"x","keyStore":{"k":"not base64!"}}`},
		{name: "POST credential without keyStore", method: "POST", path: fixed(creds), status: 400, problem: 8,
			body: `{"type":"application/astra-credential","version":"1.1","name":"x"}`},
		{name: "POST credential unknown keyType", method: "POST", path: fixed(creds), status: 400, problem: 9,
			body: `{"type":"application/astra-credential","version":"1.1","name":"x","keyType":"ssh","keyStore":{"k":"eA=="}}`},
		{name: "GET credentials", method: "GET", path: fixed(creds), status: 200, reqValid: true},
		{name: "GET credentials filter orderBy include", method: "GET", status: 200, reqValid: true,
			path: fixed(creds + "?filter=" + url.QueryEscape("keyType eq 's3'") + "&orderBy=" + url.QueryEscape("name desc") + "&include=id,name")},
		{name: "GET credentials first page", method: "GET", path: fixed(creds + "?limit=1"), status: 200, reqValid: true,
			capture: func(m map[string]any) {
				md, _ := m["metadata"].(map[string]any)
				continueToken, _ = md["continue"].(string)
			}},
		{name: "GET credentials next page", method: "GET", status: 200, reqValid: true,
			path: func() string { return creds + "?limit=1&continue=" + url.QueryEscape(continueToken) }},
		{name: "GET credentials bad continue", method: "GET", path: fixed(creds + "?continue=eyJ4Ijox"), status: 400, problem: 5, reqValid: true},
		{name: "GET credential", method: "GET", path: under(creds, &credID), status: 200, reqValid: true, want: map[string]string{"name": "backups"}},
		{name: "GET credential unknown", method: "GET", path: fixed(creds + "/" + otherID), status: 404, problem: 2, reqValid: true},
		{name: "PUT credential", method: "PUT", path: under(creds, &credID), status: 204, reqValid: true,
			body: `{"type":"application/astra-credential","version":"1.1","name":"backups-rotated","keyStore":{"accessKey":"` + b64 + `","accessSecret":"bmV3"}}`},
		{name: "PUT credential without keyStore", method: "PUT", path: under(creds, &credID), status: 400, problem: 8,
			body: `{"type":"application/astra-credential","version":"1.1","name":"x"}`},
		{name: "PUT credential other keyType", method: "PUT", path: under(creds, &credID), status: 400, problem: 9, reqValid: true,
			body: `{"type":"application/astra-credential","version":"1.1","name":"x","keyType":"generic","keyStore":{"k":"eA=="}}`},
		{name: "PUT credential unknown", method: "PUT", path: fixed(creds + "/" + otherID), status: 404, problem: 1, unlisted: true,
			body: `{"type":"application/astra-credential","version":"1.1","name":"x","keyStore":{"k":"eA=="}}`},

		// Buckets.
		{name: "POST bucket", method: "POST", path: fixed(buckets), status: 201, reqValid: true, capture: capture(&bucketID),
			want: map[string]string{"state": "pending"}},
		{name: "POST bucket again", method: "POST", path: fixed(buckets), status: 409, problem: 10, reqValid: true},
		{name: "POST bucket unknown credential", method: "POST", path: fixed(buckets), status: 400, problem: 9, reqValid: true,
			body: bucketBody(otherID, "generic-s3", s3Params)},
		{name: "POST bucket parameters of another provider", method: "POST", path: fixed(buckets), status: 400, problem: 9, reqValid: true},
		{name: "POST bucket without parameters", method: "POST", path: fixed(buckets), status: 400, problem: 8},
		{name: "GET buckets", method: "GET", path: fixed(buckets), status: 200, reqValid: true},
		{name: "GET buckets limit", method: "GET", path: fixed(buckets + "?limit=1"), status: 400, problem: 6, reqValid: true},
		{name: "GET bucket available", method: "GET", path: under(buckets, &bucketID), status: 200, reqValid: true, before: advance(1),
			want: map[string]string{"state": "available"}},
		{name: "GET bucket unknown", method: "GET", path: fixed(buckets + "/" + otherID), status: 404, problem: 2, reqValid: true},
		{name: "PUT bucket", method: "PUT", path: under(buckets, &bucketID), status: 204, reqValid: true,
			body: `{"type":"application/astra-bucket","version":"1.2","name":"DR backups"}`},
		{name: "PUT bucket provider", method: "PUT", path: under(buckets, &bucketID), status: 409, problem: 10, reqValid: true,
			body: `{"type":"application/astra-bucket","version":"1.2","provider":"aws"}`},
		{name: "PUT bucket unknown", method: "PUT", path: fixed(buckets + "/" + otherID), status: 404, problem: 1, reqValid: true,
			body: `{"type":"application/astra-bucket","version":"1.2","name":"x"}`},

		// Managed apps.
		{name: "POST app manage", method: "POST", path: fixed(apps), body: manage, status: 201, reqValid: true, capture: capture(&appID),
			want: map[string]string{"state": "pending"}},
		{name: "POST app same definition", method: "POST", path: fixed(apps), body: manage, status: 409, problem: 10, reqValid: true},
		{name: "POST app bad selector", method: "POST", path: fixed(apps), status: 400, problem: 9, reqValid: true,
			body: app(`"name":"x"`, `"clusterID":"`+ClusterEastID+`"`, `"namespaceScopedResources":[{"namespace":"ledger","labelSelectors":["app in (a"]}]`)},
		{name: "POST app manage with mapping", method: "POST", path: fixed(apps), status: 400, problem: 9, reqValid: true,
			body: app(`"name":"x"`, `"clusterID":"`+ClusterEastID+`"`, `"namespaceScopedResources":[{"namespace":"ledger"}]`,
				`"namespaceMapping":[{"source":"ledger","destination":"ledger-2"}]`)},
		{name: "POST snapshot app not ready", method: "POST", path: scoped("appSnaps", nil), body: snap(), status: 409, problem: 149, reqValid: true},
		{name: "GET app ready", method: "GET", path: appPath(""), status: 200, reqValid: true, before: advance(2),
			want: map[string]string{"state": "ready", "name": "payments"}},
		{name: "PUT app rename", method: "PUT", path: appPath(""), status: 204, reqValid: true, body: app(`"name":"payments-app"`)},
		{name: "PUT app other definition", method: "PUT", path: appPath(""), status: 400, problem: 9, reqValid: true,
			body: app(`"namespaceScopedResources":[{"namespace":"ledger"}]`)},
		{name: "PUT app unknown", method: "PUT", path: fixed(apps + "/" + otherID), status: 404, problem: 1, reqValid: true, body: app(`"name":"x"`)},

		// The cluster-scoped alias of the apps.
		{name: "GET cluster apps", method: "GET", path: fixed(eastApps), status: 200, reqValid: true},
		{name: "GET cluster apps filter include", method: "GET", status: 200, reqValid: true,
			path: fixed(eastApps + "?include=id,name,state&limit=5&filter=" + url.QueryEscape("name eq 'payments-app'"))},
		{name: "GET cluster apps unknown cluster", method: "GET", path: fixed(root + "/topology/v2/managedClusters/" + otherID + "/apps"), status: 404, problem: 2, reqValid: true},
		{name: "GET cluster app", method: "GET", path: under(eastApps, &appID), status: 200, reqValid: true,
			want: map[string]string{"name": "payments-app", "clusterID": ClusterEastID}},
		{name: "GET cluster app of another cluster", method: "GET", path: under(westApps, &appID), status: 404, problem: 2, reqValid: true},
		{name: "PUT cluster app rename", method: "PUT", path: under(eastApps, &appID), status: 204, reqValid: true, body: app(`"name":"payments-app"`)},
		{name: "PUT cluster app of another cluster", method: "PUT", path: under(westApps, &appID), status: 404, problem: 1, reqValid: true,
			body: app(`"name":"x"`)},
		{name: "POST cluster app of another clusterID", method: "POST", path: fixed(westApps), status: 400, problem: 9, reqValid: true,
			body: app(`"name":"west-payments"`, `"clusterID":"`+ClusterEastID+`"`, `"namespaceScopedResources":[{"namespace":"payments"}]`)},
		{name: "POST cluster app manage", method: "POST", path: fixed(westApps), status: 201, reqValid: true, capture: capture(&westAppID),
			body: app(`"name":"west-payments"`, `"namespaceScopedResources":[{"namespace":"payments"}]`),
			want: map[string]string{"state": "pending", "clusterID": ClusterWestID}},

		// Snapshots.
		{name: "POST snapshot", method: "POST", path: scoped("appSnaps", nil), body: snap(`"name":"before-upgrade"`), status: 201, reqValid: true,
			capture: capture(&snapID), want: map[string]string{"state": "pending"}},
		{name: "POST snapshot while one runs", method: "POST", path: scoped("appSnaps", nil), body: snap(`"name":"other"`), status: 409, problem: 148, reqValid: true},
		{name: "POST snapshot with bucket", method: "POST", path: scoped("appSnaps", nil), status: 400, problem: 177, reqValid: true},
		{name: "POST snapshot bad name", method: "POST", path: scoped("appSnaps", nil), body: snap(`"name":"Before"`), status: 400, problem: 9},
		{name: "POST snapshot unknown app", method: "POST", path: fixed(root + "/k8s/v1/apps/" + otherID + "/appSnaps"), body: snap(), status: 404, problem: 2, reqValid: true},
		{name: "GET snapshots", method: "GET", path: scoped("appSnaps", nil), status: 200, reqValid: true},
		{name: "GET snapshots include limit", method: "GET", path: func() string { return scoped("appSnaps", nil)() + "?include=id,name,state&limit=1" }, status: 200, reqValid: true},
		{name: "GET snapshots filter", method: "GET", path: func() string { return scoped("appSnaps", nil)() + "?filter=" + url.QueryEscape("state eq 'completed'") },
			status: 400, problem: 6, reqValid: true},
		{name: "GET snapshot running", method: "GET", path: scoped("appSnaps", &snapID), status: 200, reqValid: true, before: advance(1),
			want: map[string]string{"state": "running"}},
		{name: "GET snapshot completed", method: "GET", path: scoped("appSnaps", &snapID), status: 200, reqValid: true, before: advance(1),
			want: map[string]string{"state": "completed", "hookState": "success"}},
		{name: "POST snapshot same name", method: "POST", path: scoped("appSnaps", nil), body: snap(`"name":"before-upgrade"`), status: 409, problem: 176, reqValid: true},
		{name: "GET snapshot unknown", method: "GET", path: func() string { return scoped("appSnaps", nil)() + "/" + otherID }, status: 404, problem: 2, reqValid: true},

		// Backups.
		{name: "POST backup of the snapshot", method: "POST", path: scoped("appBackups", nil), status: 201, reqValid: true, capture: capture(&backupID),
			want: map[string]string{"state": "pending"}},
		{name: "DELETE backup pending", method: "DELETE", path: scoped("appBackups", &backupID), status: 409, problem: 128, reqValid: true},
		{name: "DELETE snapshot a backup uses", method: "DELETE", path: scoped("appSnaps", &snapID), status: 409, problem: 144, reqValid: true, before: advance(1)},
		{name: "DELETE bucket in use", method: "DELETE", path: under(buckets, &bucketID), status: 403, problem: 11, reqValid: true},
		{name: "PUT app restore while backing up", method: "PUT", path: appPath(""), status: 409, problem: 152, reqValid: true,
			headers: map[string]string{"forceUpdate": "true"}},
		{name: "GET backup completed", method: "GET", path: scoped("appBackups", &backupID), status: 200, reqValid: true, before: advance(1),
			want: map[string]string{"state": "completed", "hookState": "success"}},
		{name: "POST backup default bucket", method: "POST", path: scoped("appBackups", nil), body: backupOf(`"name":"nightly"`), status: 201, reqValid: true,
			capture: capture(&ownBackupID)},
		{name: "POST backup while it snapshots", method: "POST", path: scoped("appBackups", nil), body: backupOf(`"name":"again"`), status: 409, problem: 148, reqValid: true},
		{name: "POST snapshot while a backup snapshots", method: "POST", path: scoped("appSnaps", nil), body: snap(`"name":"again"`), status: 409, problem: 148, reqValid: true},
		{name: "POST backup same name", method: "POST", path: scoped("appBackups", nil), body: backupOf(`"name":"nightly"`), status: 409, problem: 143, reqValid: true,
			before: advance(1)},
		{name: "POST backup unknown bucket", method: "POST", path: scoped("appBackups", nil), body: backupOf(`"bucketID":"` + otherID + `"`), status: 400, problem: 9, reqValid: true},
		{name: "POST backup unknown snapshot", method: "POST", path: scoped("appBackups", nil), body: backupOf(`"snapshotID":"` + otherID + `"`), status: 400, problem: 9, reqValid: true},
		{name: "GET backups", method: "GET", path: scoped("appBackups", nil), status: 200, reqValid: true, before: advance(1)},
		{name: "GET backups include limit", method: "GET", path: func() string { return scoped("appBackups", nil)() + "?include=id,state,totalBytes&limit=5" }, status: 200, reqValid: true},
		{name: "GET all backups", method: "GET", path: fixed(root + "/topology/v1/appBackups"), status: 200, reqValid: true},
		{name: "GET backup account-wide", method: "GET", path: under(root+"/topology/v1/appBackups", &ownBackupID), status: 200, reqValid: true,
			want: map[string]string{"state": "completed"}},
		{name: "GET backup unknown", method: "GET", path: fixed(root + "/topology/v1/appBackups/" + otherID), status: 404, problem: 2, reqValid: true},

		// Restores and clones.
		{name: "POST app restore from backup", method: "POST", path: fixed(apps), status: 201, reqValid: true, capture: capture(&restoredID),
			want: map[string]string{"state": "provisioning"}},
		{name: "POST app restore into an existing namespace", method: "POST", path: fixed(apps), status: 409, problem: 10, reqValid: true},
		{name: "POST app restore to a missing storage class", method: "POST", path: fixed(apps), status: 400, problem: 156, reqValid: true},
		{name: "POST app restore with an empty GVKN", method: "POST", path: fixed(apps), status: 400, problem: 147, reqValid: true},
		{name: "POST app two sources", method: "POST", path: fixed(apps), status: 400, problem: 9, reqValid: true},
		{name: "POST app restore unknown snapshot", method: "POST", path: fixed(apps), status: 400, problem: 9, reqValid: true,
			body: restore(`"snapshotID":"` + otherID + `"`)},
		{name: "POST app clone with filter", method: "POST", path: fixed(apps), status: 409, problem: 155, reqValid: true},
		{name: "POST app clone of an app not ready", method: "POST", path: fixed(apps), status: 409, problem: 151, reqValid: true},
		{name: "DELETE app restoring", method: "DELETE", path: func() string { return apps + "/" + restoredID }, status: 409, problem: 112, reqValid: true},
		{name: "GET restored app", method: "GET", path: func() string { return apps + "/" + restoredID }, status: 200, reqValid: true, before: advance(2),
			want: map[string]string{"state": "ready"}},
		{name: "POST app clone to west", method: "POST", path: fixed(apps), status: 201, reqValid: true, capture: capture(&cloneID)},
		{name: "POST app restore snapshot to west", method: "POST", path: fixed(apps), status: 201, reqValid: true, capture: capture(&westSnapID),
			want: map[string]string{"state": "provisioning", "clusterID": ClusterWestID, "clusterName": "cluster-west"}},
		{name: "POST app restore backup to west", method: "POST", path: fixed(apps), status: 201, reqValid: true, capture: capture(&westBackupID),
			want: map[string]string{"state": "provisioning", "clusterID": ClusterWestID, "sourceClusterID": ClusterEastID}},
		{name: "PUT app restore without forceUpdate", method: "PUT", path: appPath(""), status: 403, problem: 11, reqValid: true},
		{name: "PUT app restore from another app's backup", method: "PUT", path: func() string { return apps + "/" + restoredID }, status: 400, problem: 9, reqValid: true,
			headers: map[string]string{"forceUpdate": "true"}},
		{name: "PUT app restore in place", method: "PUT", path: appPath(""), status: 204, reqValid: true, headers: map[string]string{"forceUpdate": "true"}},
		{name: "GET app restoring", method: "GET", path: appPath(""), status: 200, reqValid: true, want: map[string]string{"state": "restoring"}},
		{name: "PUT app restore while restoring", method: "PUT", path: appPath(""), status: 409, problem: 10, reqValid: true, headers: map[string]string{"forceUpdate": "true"}},
		{name: "DELETE snapshot while its app restores", method: "DELETE", path: scoped("appSnaps", &snapID), status: 403, problem: 11, reqValid: true},

		// Deletions.
		{name: "GET app restored", method: "GET", path: appPath(""), status: 200, reqValid: true, before: advance(2), want: map[string]string{"state": "ready"}},
		{name: "DELETE backup", method: "DELETE", path: scoped("appBackups", &backupID), status: 204, reqValid: true},
		{name: "GET backup deleting", method: "GET", path: scoped("appBackups", &backupID), status: 200, reqValid: true, want: map[string]string{"state": "deleting"}},
		{name: "GET backup deleted", method: "GET", path: scoped("appBackups", &backupID), status: 404, problem: 2, reqValid: true, before: advance(1)},
		{name: "DELETE backup deleted", method: "DELETE", path: scoped("appBackups", &backupID), status: 404, problem: 1, reqValid: true},
		{name: "DELETE snapshot", method: "DELETE", path: scoped("appSnaps", &snapID), status: 204, reqValid: true},
		{name: "GET snapshot deleting", method: "GET", path: scoped("appSnaps", &snapID), status: 200, reqValid: true, want: map[string]string{"state": "deleting"}},
		{name: "DELETE backup account-wide", method: "DELETE", path: under(root+"/topology/v1/appBackups", &ownBackupID), status: 204, reqValid: true},
		{name: "DELETE restored app", method: "DELETE", path: func() string { return apps + "/" + restoredID }, status: 204, reqValid: true},
		{name: "GET snapshot restored west", method: "GET", path: func() string { return apps + "/" + westSnapID }, status: 200, reqValid: true,
			want: map[string]string{"state": "ready", "clusterID": ClusterWestID}},
		{name: "DELETE snapshot restored west", method: "DELETE", path: func() string { return apps + "/" + westSnapID }, status: 204, reqValid: true},
		{name: "DELETE backup restored west", method: "DELETE", path: func() string { return apps + "/" + westBackupID }, status: 204, reqValid: true},
		{name: "DELETE cluster app of another cluster", method: "DELETE", path: under(eastApps, &westAppID), status: 404, problem: 1, reqValid: true},
		{name: "DELETE cluster app", method: "DELETE", path: under(westApps, &westAppID), status: 204, reqValid: true},
		{name: "DELETE clone", method: "DELETE", path: func() string { return apps + "/" + cloneID }, status: 204, reqValid: true, before: advance(2)},
		{name: "DELETE app", method: "DELETE", path: appPath(""), status: 204, reqValid: true},
		{name: "GET app deleting", method: "GET", path: appPath(""), status: 200, reqValid: true, want: map[string]string{"state": "deleting"}},
		{name: "GET app gone", method: "GET", path: appPath(""), status: 404, problem: 2, reqValid: true, before: advance(1)},
		{name: "GET snapshots of a gone app", method: "GET", path: scoped("appSnaps", nil), status: 404, problem: 2, reqValid: true},
		{name: "DELETE bucket", method: "DELETE", path: under(buckets, &bucketID), status: 204, reqValid: true},
		{name: "DELETE bucket again", method: "DELETE", path: under(buckets, &bucketID), status: 404, problem: 1, reqValid: true},
		{name: "DELETE credential", method: "DELETE", path: under(creds, &credID), status: 204, reqValid: true},
		{name: "DELETE credential again", method: "DELETE", path: under(creds, &credID), status: 404, problem: 1, reqValid: true},
		{name: "DELETE credential no token", method: "DELETE", path: under(creds, &saCredID), status: 401, problem: 3, noAuth: true},
	}
	for _, c := range cases {
		// Bodies that need the IDs of earlier cases.
		switch c.name {
		case "POST bucket", "POST bucket again":
			c.body = bucketBody(credID, "generic-s3", s3Params)
		case "POST bucket parameters of another provider":
			c.body = bucketBody(credID, "azure", s3Params)
		case "POST bucket without parameters":
			c.body = `{"type":"application/astra-bucket","version":"1.2","credentialID":"` + credID + `","provider":"aws"}`
		case "POST snapshot with bucket":
			c.body = snap(`"bucketID":"` + bucketID + `"`)
		case "POST backup of the snapshot":
			c.body = backupOf(`"name":"before-upgrade"`, `"bucketID":"`+bucketID+`"`, `"snapshotID":"`+snapID+`"`)
		case "PUT app restore while backing up", "PUT app restore without forceUpdate", "PUT app restore while restoring":
			c.body = app(`"snapshotID":"` + snapID + `"`)
		case "PUT app restore in place":
			c.body = app(`"backupID":"`+backupID+`"`, `"restoreFilter":{"resourceSelectionCriteria":"include","GVKN":[{"group":"apps","version":"v1","kind":"StatefulSet"}]}`)
		case "PUT app restore from another app's backup":
			c.body = app(`"backupID":"` + backupID + `"`)
		case "POST app restore from backup":
			c.body = restore(`"backupID":"`+backupID+`"`, `"namespaceMapping":[{"source":"payments","destination":"payments-drill"}]`,
				`"storageClassMapping":[{"source":"*","destination":"ontap-silver"}]`)
		case "POST app restore into an existing namespace":
			c.body = restore(`"backupID":"`+backupID+`"`, `"namespaceMapping":[{"source":"payments","destination":"ledger"}]`)
		case "POST app restore to a missing storage class":
			c.body = restore(`"snapshotID":"`+snapID+`"`, `"namespaceMapping":[{"source":"payments","destination":"payments-2"}]`,
				`"storageClassMapping":[{"source":"*","destination":"ontap-bronze"}]`)
		case "POST app restore with an empty GVKN":
			c.body = restore(`"snapshotID":"`+snapID+`"`, `"namespaceMapping":[{"source":"payments","destination":"payments-2"}]`,
				`"restoreFilter":{"resourceSelectionCriteria":"exclude","GVKN":[{}]}`)
		case "POST app two sources":
			c.body = restore(`"snapshotID":"`+snapID+`"`, `"backupID":"`+backupID+`"`)
		case "POST app clone with filter":
			c.body = restore(`"sourceAppID":"`+appID+`"`, `"namespaceMapping":[{"source":"payments","destination":"payments-2"}]`,
				`"restoreFilter":{"resourceSelectionCriteria":"include","GVKN":[{"kind":"Deployment"}]}`)
		case "POST app clone of an app not ready":
			c.body = restore(`"sourceAppID":"`+restoredID+`"`, `"namespaceMapping":[{"source":"payments-drill","destination":"payments-3"}]`)
		case "POST app restore snapshot to west":
			c.body = app(`"name":"payments-west"`, `"clusterID":"`+ClusterWestID+`"`, `"snapshotID":"`+snapID+`"`,
				`"namespaceMapping":[{"source":"payments","destination":"payments-west"}]`)
		case "POST app restore backup to west":
			c.body = app(`"name":"payments-west-backup"`, `"clusterID":"`+ClusterWestID+`"`, `"backupID":"`+backupID+`"`,
				`"namespaceMapping":[{"source":"payments","destination":"payments-west-backup"}]`, `"storageClassMapping":[{"source":"*","destination":"ontap-silver"}]`)
		case "POST app clone to west":
			c.body = app(`"name":"payments-dr"`, `"clusterID":"`+ClusterWestID+`"`, `"sourceAppID":"`+appID+`"`, `"sourceClusterID":"`+ClusterEastID+`"`,
				`"namespaceMapping":[{"source":"payments","destination":"payments-dr"}]`)
		}
		if c.body != "" && c.media == "" {
			c.media = mediaOfBody(c.body)
		}
		checkConformance(t, router, base, c)
	}
	for name, v := range map[string]string{"credential": credID, "service account": saCredID, "bucket": bucketID, "app": appID, "snapshot": snapID,
		"backup": backupID, "own backup": ownBackupID, "restored app": restoredID, "clone": cloneID, "snapshot restored west": westSnapID,
		"backup restored west": westBackupID, "app managed on west": westAppID, "continue token": continueToken} {
		if v == "" {
			t.Errorf("no %s was made", name)
		}
	}
}

// prefixComma joins members, each after a comma.
func prefixComma(members []string) string {
	if len(members) == 0 {
		return ""
	}
	return "," + strings.Join(members, ",")
}

// mediaOfBody returns the resource type of a body's "type".
func mediaOfBody(body string) string {
	for _, t := range []string{credentialType, bucketType, snapshotType, backupType, appType} {
		if strings.Contains(body, `"type":"`+t+`"`) {
			return t
		}
	}
	return ""
}
