package astra

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"

	"github.com/google/uuid"
)

// Token is the only bearer token the sandbox accepts.
const Token = "sandbox-astra-token"

// fixtureNamespace is the UUID namespace of every deterministic fixture ID.
// uuid.NewSHA1 yields version-5 UUIDs, which type_astra_identifier accepts.
var fixtureNamespace = uuid.NewSHA1(uuid.NameSpaceURL,
	[]byte("https://github.com/continuity-dr/terraform-provider-continuity/sandbox/astra"))

// fixtureID returns the deterministic ID of the fixture called name.
func fixtureID(name string) string {
	return uuid.NewSHA1(fixtureNamespace, []byte(name)).String()
}

// Deterministic fixture IDs: the same on every start.
var (
	// AccountID is the only account of the sandbox.
	AccountID = fixtureID("account")
	// UserID is the user behind the API token: createdBy and modifiedBy of
	// resources created or changed through the API.
	UserID = fixtureID("user/sandbox")
	// PreloadedHookSourceID is the ID of the read-only hook source.
	PreloadedHookSourceID = fixtureID("hookSource/netapp-preloaded-postgres")
)

// systemUserID is the nil UUID, createdBy of system-created resources
// (astra.md §1.1).
const systemUserID = "00000000-0000-0000-0000-000000000000"

// fixtureTime is the creation time of every fixture.
const fixtureTime = "2024-02-01T00:00:00Z"

// preloadedPostgresScript is the script of the preloaded hook source.
const preloadedPostgresScript = `#!/bin/sh
# NetApp preloaded execution hook for PostgreSQL (sandbox fixture).
# pre: flush dirty pages before the snapshot; post: nothing to undo.
case "$1" in
  pre) psql -U "${PGUSER:-postgres}" -c 'CHECKPOINT;' ;;
  post) exit 0 ;;
  *) echo "usage: $0 pre|post" >&2; exit 1 ;;
esac`

// fixtureRecord is the record of a system-created fixture.
var fixtureRecord = record{createdAt: fixtureTime, modifiedAt: fixtureTime, createdBy: systemUserID}

// fixtureHookSources returns the read-only hook sources present at start.
// They are private, so GET never shows their source.
func fixtureHookSources() []*hookSource {
	description := "NetApp Postgres preloaded snapshot pre and post"
	h := &hookSource{
		id:          PreloadedHookSourceID,
		name:        "NetApp preloaded postgres",
		sourceType:  sourceTypeScript,
		description: &description,
		private:     true,
		preloaded:   true,
		record:      fixtureRecord,
	}
	h.setSource(base64.StdEncoding.EncodeToString([]byte(preloadedPostgresScript)))
	return []*hookSource{h}
}

// NetAppExecHookID is the ID of the preloaded NetApp execution hook.
var NetAppExecHookID = fixtureID("executionHook/netapp-postgres-pre-snapshot")

// fixtureExecutionHooks returns the execution hooks present at start: one
// NetApp hook (read-only, problem 73) that runs the preloaded hook source
// before snapshots of any container running a postgres image.
func fixtureExecutionHooks() []*executionHook {
	description := "NetApp Postgres checkpoint before snapshots"
	return []*executionHook{{
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
		record:       fixtureRecord,
	}}
}

// The topology: two managed clusters, each with the storage classes
// ontap-gold (default) and ontap-silver, and three managed apps.

// Names of the topology fixtures, as DESIGN.md lists them.
const (
	ClusterEastName = "cluster-east"
	ClusterWestName = "cluster-west"
	AppWordpress    = "wordpress"
	AppPostgres     = "postgres"
	AppMySQL        = "mysql"
)

// Deterministic IDs of the topology fixtures.
var (
	ClusterEastID = fixtureID("cluster/" + ClusterEastName)
	ClusterWestID = fixtureID("cluster/" + ClusterWestName)
	WordpressID   = fixtureID("app/" + AppWordpress)
	PostgresID    = fixtureID("app/" + AppPostgres)
	MySQLID       = fixtureID("app/" + AppMySQL)
)

func newCluster(name string) *cluster {
	id := fixtureID("cluster/" + name)
	gold := &storageClass{id: fixtureID("storageClass/" + name + "/ontap-gold"), name: "ontap-gold", provisioner: "csi.trident.netapp.io", isDefault: true}
	silver := &storageClass{id: fixtureID("storageClass/" + name + "/ontap-silver"), name: "ontap-silver", provisioner: "csi.trident.netapp.io"}
	return &cluster{
		id: id, name: name, clusterType: "kubernetes", version: sandboxClusterVerStr,
		defaultSC: gold.id, storageClasses: []*storageClass{gold, silver},
		namespaces: []string{"default", "kube-system", "trident"},
	}
}

// UnmanagedNamespaces are the namespaces of the clusters that no app
// manages at start, free for clients to manage (DESIGN.md), as
// "cluster/namespace"; they have workloads of their own (namespaceContainers).
var UnmanagedNamespaces = []string{
	ClusterEastName + "/payments", ClusterEastName + "/ledger", ClusterWestName + "/payments",
}

// fixtureClusters returns the managed clusters, east first, with the
// namespaces of the fixture apps and the unmanaged ones.
func fixtureClusters() []*cluster {
	east, west := newCluster(ClusterEastName), newCluster(ClusterWestName)
	east.namespaces = append(east.namespaces, AppWordpress, AppPostgres)
	west.namespaces = append(west.namespaces, AppMySQL)
	for _, cn := range UnmanagedNamespaces {
		clusterName, ns, _ := strings.Cut(cn, "/")
		if clusterName == ClusterEastName {
			east.namespaces = append(east.namespaces, ns)
		} else {
			west.namespaces = append(west.namespaces, ns)
		}
	}
	return []*cluster{east, west}
}

// fixtureApps returns the managed apps present at start.
func fixtureApps() []*app {
	mk := func(name, clusterID string) *app {
		return &app{
			id: fixtureID("app/" + name), name: name, version: appVersion, clusterID: clusterID,
			resources: []namespaceResource{{Namespace: name}}, containers: namespaceContainers(name, nil),
			state: appReady, protection: "none", replicable: true, fixtureName: name,
			record: record{createdAt: fixtureTime, modifiedAt: fixtureTime, createdBy: UserID},
		}
	}
	mysql := mk(AppMySQL, ClusterWestID)
	// mysql keeps its data and its logs on volumes of two storage classes;
	// AppMirror needs an app with a single storage class (astra.md §2.5),
	// so replicating it gives 409 problem 150.
	mysql.replicable = false
	return []*app{mk(AppWordpress, ClusterEastID), mk(AppPostgres, ClusterEastID), mysql}
}

// The sandbox has no Kubernetes: each namespace has a fixed set of
// containers (workloadContainers; a namespace it does not know has one
// generic container), and an app has those of its namespaces that its
// label selectors select. Execution hooks' matchingContainers and
// matchingImages, and the containers hooks run in, are computed from them.
// A clone or a restore has the containers of its source, in the mapped
// namespaces.

// container is one container of a pod.
type container struct {
	namespace string
	pod       string
	labels    []label
	name      string
	image     string
}

// workloadContainers are the containers of the namespaces the sandbox
// knows: those of the fixture apps and the unmanaged namespaces.
var workloadContainers = map[string][]container{
	AppWordpress: {
		{pod: "wordpress-7d9f8c6b5-x2k4p", labels: []label{{"app", "wordpress"}, {"tier", "frontend"}}, name: "wordpress", image: "docker.io/bitnami/wordpress:6.4.3"},
		{pod: "wordpress-mariadb-0", labels: []label{{"app", "wordpress"}, {"tier", "db"}}, name: "mariadb", image: "docker.io/bitnami/mariadb:11.2.3"},
	},
	AppPostgres: {
		{pod: "postgres-0", labels: []label{{"app", "postgres"}, {"role", "primary"}}, name: "postgres", image: "docker.io/library/postgres:16.2"},
		{pod: "postgres-0", labels: []label{{"app", "postgres"}, {"role", "primary"}}, name: "metrics", image: "quay.io/prometheuscommunity/postgres-exporter:v0.15.0"},
	},
	AppMySQL: {
		{pod: "mysql-0", labels: []label{{"app", "mysql"}}, name: "mysql", image: "docker.io/library/mysql:8.3.0"},
	},
	"payments": {
		{pod: "payments-api-5c8d7f9b4-q7w2e", labels: []label{{"app", "payments"}, {"tier", "api"}}, name: "api", image: "ghcr.io/example/payments-api:2.4.1"},
		{pod: "payments-db-0", labels: []label{{"app", "payments"}, {"tier", "db"}}, name: "postgres", image: "docker.io/library/postgres:16.2"},
	},
	"ledger": {
		{pod: "ledger-0", labels: []label{{"app", "ledger"}}, name: "ledger", image: "docker.io/bitnami/mariadb:11.2.3"},
	},
}

// namespaceContainers returns the containers of namespace ns that the
// label selectors select (all of them without selectors).
func namespaceContainers(ns string, selectors []string) []container {
	known, ok := workloadContainers[ns]
	if !ok {
		known = []container{{pod: ns + "-0", labels: []label{{"app", ns}}, name: "app", image: "docker.io/library/busybox:1.36"}}
	}
	var out []container
	for _, c := range known {
		c.namespace = ns
		if selectorsMatch(selectors, c.labels) {
			out = append(out, c)
		}
	}
	return out
}

// Packages.

// packageSpec is the short description of one fixture package.
type packageSpec struct {
	name, version, kind, severity, state, created string
}

// packageSpecs are the fixture packages: acc, acs and trident; install and
// patch; four states; versions written YY.MM.P so that they order as
// strings. The order is the creation order the list answers in.
var packageSpecs = []packageSpec{
	{"acc", "23.07.0", "install", "recommended", "available", "2023-07-28T10:00:00Z"},
	{"trident", "23.10.0", "install", "recommended", "available", "2023-10-30T09:00:00Z"},
	{"acc", "23.10.0", "install", "recommended", "available", "2023-11-06T10:00:00Z"},
	{"acs", "23.10.0", "install", "recommended", "available", "2023-11-06T11:00:00Z"},
	{"acc", "23.10.1", "patch", "critical", "available", "2023-12-12T15:30:00Z"},
	{"trident", "24.02.0", "install", "recommended", "available", "2024-02-26T09:00:00Z"},
	{"acc", "24.02.0", "install", "recommended", "verifying", "2024-03-04T10:00:00Z"},
	{"acs", "24.02.0", "patch", "recommended", "corrupt", "2024-03-04T11:00:00Z"},
	{"trident", "24.02.1", "patch", "critical", "incomplete", "2024-03-18T08:45:00Z"},
	{"acc", "24.02.1", "patch", "critical", "verifying", "2024-04-02T16:20:00Z"},
}

// PackageID returns the deterministic ID of the fixture package name at
// version of kind install or patch.
func PackageID(name, version, kind string) string {
	return fixtureID("package/" + name + "/" + version + "/" + kind)
}

// stateDetailsFor returns the packageStateDetails of a state.
func stateDetailsFor(state string) []stateDetailBody {
	switch state {
	case "verifying":
		return []stateDetailBody{{Type: "https://astra.netapp.io/stateDetails/30", Title: "Package verification in progress",
			Detail: "The package's images and artifacts are being verified."}}
	case "corrupt":
		return []stateDetailBody{{Type: "https://astra.netapp.io/stateDetails/31", Title: "Package checksum mismatch",
			Detail: "The digest of an image doesn't match the package manifest. Upload the package again."}}
	case "incomplete":
		return []stateDetailBody{{Type: "https://astra.netapp.io/stateDetails/32", Title: "Package images missing",
			Detail: "Some images of the package weren't found in the registry. Push the missing images."}}
	}
	return []stateDetailBody{}
}

// imageDigest returns a deterministic image digest.
func imageDigest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// newFixturePackage builds the package of spec.
func newFixturePackage(spec packageSpec) *astraPackage {
	p := &astraPackage{
		Type:                    packageType,
		Version:                 packageVersion,
		ID:                      PackageID(spec.name, spec.version, spec.kind),
		PackageName:             spec.name,
		PackageVersion:          spec.version,
		PackageType:             spec.kind,
		BundleName:              []string{spec.name + "-" + spec.version + ".tar.gz"},
		SeverityLevel:           spec.severity,
		PackageState:            spec.state,
		PackageStateTransitions: packageStateTransitions,
		PackageStateDetails:     stateDetailsFor(spec.state),
		Metadata:                record{createdAt: spec.created, modifiedAt: spec.created, createdBy: systemUserID}.metadata(),
	}
	switch spec.name {
	case "acc", "acs":
		repo := "/netapp/astra/" + spec.name
		p.Images = []packageImage{
			{ImageName: spec.name + "-core", ImagePath: repo, ImageTag: spec.version, ImageDigest: imageDigest(repo + "/core:" + spec.version)},
			{ImageName: spec.name + "-ui", ImagePath: repo, ImageTag: spec.version, ImageDigest: imageDigest(repo + "/ui:" + spec.version),
				DependsOnImages: []packageImageDep{{ImagePath: repo, ImageName: spec.name + "-core", ImageTag: spec.version}}},
		}
		p.Dependencies = []packageDependency{
			{ComponentName: "kubernetes", ComponentMinVersion: "1.26.0", ComponentMaxVersion: "1.29.99"},
			{ComponentName: "trident", ComponentMinVersion: "23.07.0"},
		}
		if spec.kind == "install" {
			manifest := "apiVersion: astra.netapp.io/v1\nkind: AstraControlCenter\nmetadata:\n  name: astra\nspec:\n  astraVersion: " + spec.version + "\n"
			p.Files = []packageFile{{FileName: "astra_control_center.yaml", FileIdentifier: spec.name + "-cr",
				FileMediaType: "application/x-yaml", FileContents: base64.StdEncoding.EncodeToString([]byte(manifest))}}
		}
	case "trident":
		repo := "/netapp/trident"
		p.Images = []packageImage{
			{ImageName: "trident", ImagePath: repo, ImageTag: spec.version, ImageDigest: imageDigest(repo + "/trident:" + spec.version)},
			{ImageName: "trident-operator", ImagePath: repo, ImageTag: spec.version, ImageDigest: imageDigest(repo + "/trident-operator:" + spec.version)},
		}
		p.Artifacts = []packageArtifact{{ArtifactName: "tridentctl", ArtifactIdentifier: "tridentctl-linux-amd64",
			ArtifactPath: "/trident/" + spec.version + "/", ArtifactVersion: spec.version,
			DependsOnComponents: []componentDep{{ComponentName: "kubernetes", Versions: []string{"1.27.0", "1.28.0", "1.29.0"}}}}}
		p.Dependencies = []packageDependency{{ComponentName: "kubernetes", ComponentMinVersion: "1.26.0", ComponentMaxVersion: "1.29.99"}}
	}
	if spec.kind == "patch" {
		base := spec.version[:len(spec.version)-1] + "0"
		p.UpgradableVersions = &upgradableVersions{MinVersion: base, MaxVersion: spec.version}
	} else {
		p.UpgradableVersions = &upgradableVersions{MinVersion: "23.07.0", MaxVersion: spec.version}
	}
	return p
}

// fixturePackages returns the fixture packages in creation order.
func fixturePackages() []*astraPackage {
	out := make([]*astraPackage, len(packageSpecs))
	for i, spec := range packageSpecs {
		out[i] = newFixturePackage(spec)
	}
	return out
}
