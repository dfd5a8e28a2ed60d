package astra

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// packageModel is one package, as the package data source's state and as
// an element of the packages data source's packages list.
type packageModel struct {
	ID                   types.String             `tfsdk:"id"`
	PackageName          types.String             `tfsdk:"package_name"`
	PackageVersion       types.String             `tfsdk:"package_version"`
	PackageType          types.String             `tfsdk:"package_type"`
	BundleNames          []types.String           `tfsdk:"bundle_names"`
	SeverityLevel        types.String             `tfsdk:"severity_level"`
	PackageState         types.String             `tfsdk:"package_state"`
	StateDetails         []packageStateDetail     `tfsdk:"state_details"`
	Images               []packageImageModel      `tfsdk:"images"`
	Artifacts            []packageArtifactModel   `tfsdk:"artifacts"`
	Files                []packageFileModel       `tfsdk:"files"`
	UpgradableMinVersion types.String             `tfsdk:"upgradable_min_version"`
	UpgradableMaxVersion types.String             `tfsdk:"upgradable_max_version"`
	Dependencies         []packageDependencyModel `tfsdk:"dependencies"`
	CreatedAt            types.String             `tfsdk:"created_at"`
	UpdatedAt            types.String             `tfsdk:"updated_at"`
}

type packageStateDetail struct {
	Type   types.String `tfsdk:"type"`
	Title  types.String `tfsdk:"title"`
	Detail types.String `tfsdk:"detail"`
}

type packageImageModel struct {
	Name   types.String `tfsdk:"name"`
	Path   types.String `tfsdk:"path"`
	Tag    types.String `tfsdk:"tag"`
	Digest types.String `tfsdk:"digest"`
}

type packageArtifactModel struct {
	Name       types.String `tfsdk:"name"`
	Identifier types.String `tfsdk:"identifier"`
	Path       types.String `tfsdk:"path"`
	Version    types.String `tfsdk:"version"`
}

type packageFileModel struct {
	Name       types.String `tfsdk:"name"`
	Identifier types.String `tfsdk:"identifier"`
	MediaType  types.String `tfsdk:"media_type"`
}

type packageDependencyModel struct {
	ComponentName types.String `tfsdk:"component_name"`
	MinVersion    types.String `tfsdk:"min_version"`
	MaxVersion    types.String `tfsdk:"max_version"`
}

// optString is a string that the API may leave out: "" becomes null.
func optString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// packageFromAPI converts a package.
func packageFromAPI(p Package) packageModel {
	m := packageModel{
		ID:             types.StringValue(p.ID),
		PackageName:    types.StringValue(p.PackageName),
		PackageVersion: types.StringValue(p.PackageVersion),
		PackageType:    types.StringValue(p.PackageType),
		BundleNames:    []types.String{},
		SeverityLevel:  types.StringValue(p.SeverityLevel),
		PackageState:   types.StringValue(p.PackageState),
		StateDetails:   []packageStateDetail{},
		Images:         []packageImageModel{},
		Artifacts:      []packageArtifactModel{},
		Files:          []packageFileModel{},
		Dependencies:   []packageDependencyModel{},
		CreatedAt:      types.StringNull(),
		UpdatedAt:      types.StringNull(),
	}
	for _, b := range p.BundleName {
		m.BundleNames = append(m.BundleNames, types.StringValue(b))
	}
	for _, d := range p.PackageStateDetails {
		m.StateDetails = append(m.StateDetails, packageStateDetail{Type: types.StringValue(d.Type), Title: types.StringValue(d.Title), Detail: types.StringValue(d.Detail)})
	}
	for _, i := range p.Images {
		m.Images = append(m.Images, packageImageModel{Name: types.StringValue(i.ImageName), Path: types.StringValue(i.ImagePath),
			Tag: types.StringValue(i.ImageTag), Digest: types.StringValue(i.ImageDigest)})
	}
	for _, a := range p.Artifacts {
		m.Artifacts = append(m.Artifacts, packageArtifactModel{Name: types.StringValue(a.ArtifactName), Identifier: types.StringValue(a.ArtifactIdentifier),
			Path: types.StringValue(a.ArtifactPath), Version: optString(a.ArtifactVersion)})
	}
	for _, f := range p.Files {
		m.Files = append(m.Files, packageFileModel{Name: types.StringValue(f.FileName), Identifier: types.StringValue(f.FileIdentifier),
			MediaType: types.StringValue(f.FileMediaType)})
	}
	for _, d := range p.Dependencies {
		m.Dependencies = append(m.Dependencies, packageDependencyModel{ComponentName: types.StringValue(d.ComponentName),
			MinVersion: optString(d.ComponentMinVersion), MaxVersion: optString(d.ComponentMaxVersion)})
	}
	m.UpgradableMinVersion, m.UpgradableMaxVersion = types.StringNull(), types.StringNull()
	if p.UpgradableVersions != nil {
		m.UpgradableMinVersion = optString(p.UpgradableVersions.MinVersion)
		m.UpgradableMaxVersion = optString(p.UpgradableVersions.MaxVersion)
	}
	if p.Metadata != nil {
		m.CreatedAt = optString(p.Metadata.CreationTimestamp)
		m.UpdatedAt = optString(p.Metadata.ModificationTimestamp)
	}
	return m
}

// computedString is a computed string attribute of a data source.
func computedString(desc string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
}

// nestedList is a computed list of objects with computed string attributes.
func nestedList(desc string, attrs map[string]string) schema.ListNestedAttribute {
	nested := make(map[string]schema.Attribute, len(attrs))
	for name, d := range attrs {
		nested[name] = computedString(d)
	}
	return schema.ListNestedAttribute{Computed: true, MarkdownDescription: desc, NestedObject: schema.NestedAttributeObject{Attributes: nested}}
}

// packageAttributes are the attributes of one package; id is given by the
// caller (required in the package data source, computed in a list).
func packageAttributes(id schema.Attribute) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":              id,
		"package_name":    computedString("`acc` (Astra Control Center), `acs` (Astra Control Service) or `trident`."),
		"package_version": computedString("The package's version, e.g. `24.02.0`."),
		"package_type":    computedString("`install` (a full installation) or `patch`."),
		"bundle_names": schema.ListAttribute{Computed: true, ElementType: types.StringType,
			MarkdownDescription: "Names of the bundles that contain the package."},
		"severity_level": computedString("`recommended` or `critical` (strongly recommended: critical fixes or security patches)."),
		"package_state":  computedString("`verifying`, `corrupt`, `incomplete` or `available` (ready for use)."),
		"state_details": nestedList("Details about the state, e.g. why a package is corrupt; empty when there are none.",
			map[string]string{"type": "URI of the detail type.", "title": "Short title.", "detail": "Explanation."}),
		"images": nestedList("The container images of the package.", map[string]string{
			"name": "Image name.", "path": "Path of the image in the registry, without the registry.", "tag": "Image tag.", "digest": "Image digest (`sha256:…`).",
		}),
		"artifacts": nestedList("Other artifacts (binaries and the like).", map[string]string{
			"name": "File name.", "identifier": "Identifier, stable across versions.", "path": "Path in the Astra Control Center data store.", "version": "Version, if any.",
		}),
		"files": nestedList("Non-image files of the package (their contents are not exposed).", map[string]string{
			"name": "File name.", "identifier": "Identifier, stable across versions.", "media_type": "Media type, e.g. `application/x-yaml`.",
		}),
		"upgradable_min_version": computedString("Lowest version that can be upgraded to this package, if the API says."),
		"upgradable_max_version": computedString("Highest version that can be upgraded to this package, if the API says."),
		"dependencies": nestedList("Components the package needs.", map[string]string{
			"component_name": "`acc`, `acs`, `trident` or `kubernetes`.", "min_version": "Minimum version, if any.", "max_version": "Maximum version, if any.",
		}),
		"created_at": computedString("When the package was added (UTC)."),
		"updated_at": computedString("When the package was last modified (UTC)."),
	}
}
