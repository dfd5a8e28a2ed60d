package astra

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

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
func stateDetailsFor(state string) []stateDetail {
	switch state {
	case "verifying":
		return []stateDetail{{Type: "https://astra.netapp.io/stateDetails/30", Title: "Package verification in progress",
			Detail: "The package's images and artifacts are being verified."}}
	case "corrupt":
		return []stateDetail{{Type: "https://astra.netapp.io/stateDetails/31", Title: "Package checksum mismatch",
			Detail: "The digest of an image doesn't match the package manifest. Upload the package again."}}
	case "incomplete":
		return []stateDetail{{Type: "https://astra.netapp.io/stateDetails/32", Title: "Package images missing",
			Detail: "Some images of the package weren't found in the registry. Push the missing images."}}
	}
	return []stateDetail{}
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
		Metadata: metadata{
			Labels:                []label{},
			CreationTimestamp:     spec.created,
			ModificationTimestamp: spec.created,
			CreatedBy:             systemUserID,
		},
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
