package astra

// Packages (application/astra-package 1.0, astra.md §4): Astra Control
// Center's software packages. The sandbox holds a fixed, deterministic set;
// it lists and reads them. POST and DELETE, which the spec defines, answer
// 403 problem 11: the sandbox's account may not change the fixtures that
// every test and user shares.

const (
	packageType    = "application/astra-package"
	packagesType   = "application/astra-packages"
	packageVersion = "1.0"
	packagesPath   = accountsPrefix + "/core/v1/packages"
	packagePath    = packagesPath + "/{package_id}"
)

// Package states (packageState) and their transitions, as in the spec's
// packageStateTransitions example.
var packageStateTransitions = []stateTransition{
	{From: "verifying", To: []string{"corrupt", "incomplete", "available"}},
	{From: "corrupt", To: []string{"incomplete", "available"}},
	{From: "incomplete", To: []string{"corrupt", "available"}},
	{From: "available", To: []string{"corrupt", "available"}},
}

// stateTransition is a type_astra_stateTransitions entry.
type stateTransition struct {
	From string   `json:"from"`
	To   []string `json:"to"`
}

// stateDetail is a type_astra_stateDetails entry.
type stateDetail struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Detail string `json:"detail"`
}

// packageImageDep is an entry of images[].dependsOnImages.
type packageImageDep struct {
	ImagePath string `json:"imagePath"`
	ImageName string `json:"imageName"`
	ImageTag  string `json:"imageTag"`
}

// packageImage is an entry of images.
type packageImage struct {
	ImageName       string            `json:"imageName"`
	ImagePath       string            `json:"imagePath"`
	ImageTag        string            `json:"imageTag"`
	ImageDigest     string            `json:"imageDigest"`
	DependsOnImages []packageImageDep `json:"dependsOnImages,omitempty"`
}

// componentDep is an entry of artifacts[].dependsOnComponents.
type componentDep struct {
	ComponentName string   `json:"componentName"`
	Versions      []string `json:"versions"`
}

// packageArtifact is an entry of artifacts.
type packageArtifact struct {
	ArtifactName        string         `json:"artifactName"`
	ArtifactIdentifier  string         `json:"artifactIdentifier"`
	ArtifactPath        string         `json:"artifactPath"`
	ArtifactVersion     string         `json:"artifactVersion,omitempty"`
	DependsOnComponents []componentDep `json:"dependsOnComponents,omitempty"`
}

// packageFile is an entry of files.
type packageFile struct {
	FileName       string `json:"fileName"`
	FileIdentifier string `json:"fileIdentifier"`
	FileMediaType  string `json:"fileMediaType"`
	FileContents   string `json:"fileContents"`
}

// upgradableVersions is the upgradableVersions object.
type upgradableVersions struct {
	MinVersion string `json:"minVersion,omitempty"`
	MaxVersion string `json:"maxVersion,omitempty"`
}

// packageDependency is an entry of dependencies.
type packageDependency struct {
	ComponentName       string `json:"componentName"`
	ComponentMinVersion string `json:"componentMinVersion,omitempty"`
	ComponentMaxVersion string `json:"componentMaxVersion,omitempty"`
}

// astraPackage is package_1.0_get_response_body, fields in the spec's order.
type astraPackage struct {
	Type                    string              `json:"type"`
	Version                 string              `json:"version"`
	ID                      string              `json:"id"`
	PackageName             string              `json:"packageName"`
	PackageVersion          string              `json:"packageVersion"`
	PackageType             string              `json:"packageType"`
	BundleName              []string            `json:"bundleName,omitempty"`
	SeverityLevel           string              `json:"severityLevel"`
	PackageState            string              `json:"packageState"`
	PackageStateTransitions []stateTransition   `json:"packageStateTransitions"`
	PackageStateDetails     []stateDetail       `json:"packageStateDetails"`
	Images                  []packageImage      `json:"images,omitempty"`
	Artifacts               []packageArtifact   `json:"artifacts,omitempty"`
	Files                   []packageFile       `json:"files,omitempty"`
	UpgradableVersions      *upgradableVersions `json:"upgradableVersions,omitempty"`
	Dependencies            []packageDependency `json:"dependencies,omitempty"`
	Metadata                metadata            `json:"metadata"`
}

// field kinds of packageFields.
type fieldKind int

const (
	scalarField fieldKind = iota
	objectField
	arrayField
)

// fieldNode describes one field of a resource schema for filter, orderBy
// and include: its kind, the fields of an object, the element of an array.
type fieldNode struct {
	kind     fieldKind
	children map[string]*fieldNode
	elem     *fieldNode
}

func scalar() *fieldNode { return &fieldNode{kind: scalarField} }

func object(children map[string]*fieldNode) *fieldNode {
	return &fieldNode{kind: objectField, children: children}
}

func arrayOf(elem *fieldNode) *fieldNode { return &fieldNode{kind: arrayField, elem: elem} }

func scalars(names ...string) map[string]*fieldNode {
	m := make(map[string]*fieldNode, len(names))
	for _, n := range names {
		m[n] = scalar()
	}
	return m
}

// with returns m plus the extra fields.
func with(m map[string]*fieldNode, extra map[string]*fieldNode) map[string]*fieldNode {
	for k, v := range extra {
		m[k] = v
	}
	return m
}

// packageFields is package_1.0_get_response_body as a field tree: the
// fields that filter, orderBy and include may name.
var packageFields = object(with(
	scalars("type", "version", "id", "packageName", "packageVersion", "packageType", "severityLevel", "packageState"),
	map[string]*fieldNode{
		"bundleName":              arrayOf(scalar()),
		"packageStateTransitions": arrayOf(object(with(scalars("from"), map[string]*fieldNode{"to": arrayOf(scalar())}))),
		"packageStateDetails":     arrayOf(object(scalars("type", "title", "detail"))),
		"images": arrayOf(object(with(scalars("imageName", "imagePath", "imageTag", "imageDigest"),
			map[string]*fieldNode{"dependsOnImages": arrayOf(object(scalars("imagePath", "imageName", "imageTag")))}))),
		"artifacts": arrayOf(object(with(scalars("artifactName", "artifactIdentifier", "artifactPath", "artifactVersion"),
			map[string]*fieldNode{"dependsOnComponents": arrayOf(object(with(scalars("componentName"),
				map[string]*fieldNode{"versions": arrayOf(scalar())})))}))),
		"files":              arrayOf(object(scalars("fileName", "fileIdentifier", "fileMediaType", "fileContents"))),
		"upgradableVersions": object(scalars("minVersion", "maxVersion")),
		"dependencies":       arrayOf(object(scalars("componentName", "componentMinVersion", "componentMaxVersion"))),
		"metadata": object(with(scalars("creationTimestamp", "modificationTimestamp", "createdBy", "modifiedBy"),
			map[string]*fieldNode{"labels": arrayOf(object(scalars("name", "value")))})),
	},
))
