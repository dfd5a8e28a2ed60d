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
)

// Package states (packageState) and their transitions, as in the spec's
// packageStateTransitions example.
var packageStateTransitions = []stateTransitionBody{
	{From: "verifying", To: []string{"corrupt", "incomplete", "available"}},
	{From: "corrupt", To: []string{"incomplete", "available"}},
	{From: "incomplete", To: []string{"corrupt", "available"}},
	{From: "available", To: []string{"corrupt", "available"}},
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
	Type                    string                `json:"type"`
	Version                 string                `json:"version"`
	ID                      string                `json:"id"`
	PackageName             string                `json:"packageName"`
	PackageVersion          string                `json:"packageVersion"`
	PackageType             string                `json:"packageType"`
	BundleName              []string              `json:"bundleName,omitempty"`
	SeverityLevel           string                `json:"severityLevel"`
	PackageState            string                `json:"packageState"`
	PackageStateTransitions []stateTransitionBody `json:"packageStateTransitions"`
	PackageStateDetails     []stateDetailBody     `json:"packageStateDetails"`
	Images                  []packageImage        `json:"images,omitempty"`
	Artifacts               []packageArtifact     `json:"artifacts,omitempty"`
	Files                   []packageFile         `json:"files,omitempty"`
	UpgradableVersions      *upgradableVersions   `json:"upgradableVersions,omitempty"`
	Dependencies            []packageDependency   `json:"dependencies,omitempty"`
	Metadata                metadata              `json:"metadata"`
}
