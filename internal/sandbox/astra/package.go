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

func fieldScalar() *fieldNode { return &fieldNode{kind: scalarField} }

func fieldObject(children map[string]*fieldNode) *fieldNode {
	return &fieldNode{kind: objectField, children: children}
}

func fieldArray(elem *fieldNode) *fieldNode { return &fieldNode{kind: arrayField, elem: elem} }

func scalarFields(names ...string) map[string]*fieldNode {
	m := make(map[string]*fieldNode, len(names))
	for _, n := range names {
		m[n] = fieldScalar()
	}
	return m
}

// withFields returns m plus the extra fields.
func withFields(m map[string]*fieldNode, extra map[string]*fieldNode) map[string]*fieldNode {
	for k, v := range extra {
		m[k] = v
	}
	return m
}

// packageFields is package_1.0_get_response_body as a field tree: the
// fields that filter, orderBy and include may name.
var packageFields = fieldObject(withFields(
	scalarFields("type", "version", "id", "packageName", "packageVersion", "packageType", "severityLevel", "packageState"),
	map[string]*fieldNode{
		"bundleName":              fieldArray(fieldScalar()),
		"packageStateTransitions": fieldArray(fieldObject(withFields(scalarFields("from"), map[string]*fieldNode{"to": fieldArray(fieldScalar())}))),
		"packageStateDetails":     fieldArray(fieldObject(scalarFields("type", "title", "detail"))),
		"images": fieldArray(fieldObject(withFields(scalarFields("imageName", "imagePath", "imageTag", "imageDigest"),
			map[string]*fieldNode{"dependsOnImages": fieldArray(fieldObject(scalarFields("imagePath", "imageName", "imageTag")))}))),
		"artifacts": fieldArray(fieldObject(withFields(scalarFields("artifactName", "artifactIdentifier", "artifactPath", "artifactVersion"),
			map[string]*fieldNode{"dependsOnComponents": fieldArray(fieldObject(withFields(scalarFields("componentName"),
				map[string]*fieldNode{"versions": fieldArray(fieldScalar())})))}))),
		"files":              fieldArray(fieldObject(scalarFields("fileName", "fileIdentifier", "fileMediaType", "fileContents"))),
		"upgradableVersions": fieldObject(scalarFields("minVersion", "maxVersion")),
		"dependencies":       fieldArray(fieldObject(scalarFields("componentName", "componentMinVersion", "componentMaxVersion"))),
		"metadata": fieldObject(withFields(scalarFields("creationTimestamp", "modificationTimestamp", "createdBy", "modifiedBy"),
			map[string]*fieldNode{"labels": fieldArray(fieldObject(scalarFields("name", "value")))})),
	},
))
