package astra

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
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
			Path: types.StringValue(a.ArtifactPath), Version: optionalString(a.ArtifactVersion)})
	}
	for _, f := range p.Files {
		m.Files = append(m.Files, packageFileModel{Name: types.StringValue(f.FileName), Identifier: types.StringValue(f.FileIdentifier),
			MediaType: types.StringValue(f.FileMediaType)})
	}
	for _, d := range p.Dependencies {
		m.Dependencies = append(m.Dependencies, packageDependencyModel{ComponentName: types.StringValue(d.ComponentName),
			MinVersion: optionalString(d.ComponentMinVersion), MaxVersion: optionalString(d.ComponentMaxVersion)})
	}
	m.UpgradableMinVersion, m.UpgradableMaxVersion = types.StringNull(), types.StringNull()
	if p.UpgradableVersions != nil {
		m.UpgradableMinVersion = optionalString(p.UpgradableVersions.MinVersion)
		m.UpgradableMaxVersion = optionalString(p.UpgradableVersions.MaxVersion)
	}
	if p.Metadata != nil {
		m.CreatedAt = optionalString(p.Metadata.CreationTimestamp)
		m.UpdatedAt = optionalString(p.Metadata.ModificationTimestamp)
	}
	return m
}

// packagesDataModel is the continuity_astra_packages state.
type packagesDataModel struct {
	Filter   types.String `tfsdk:"filter"`
	OrderBy  types.String `tfsdk:"order_by"`
	Include  types.List   `tfsdk:"include"`
	Limit    types.Int64  `tfsdk:"limit"`
	Packages types.List   `tfsdk:"packages"`
	Rows     types.List   `tfsdk:"rows"`
}

// rowType is the type of rows.
var rowType = types.ListType{ElemType: types.StringType}

// cellValue renders one projected value: a JSON string as itself, null as
// null, anything else as its JSON text.
func cellValue(raw json.RawMessage) types.String {
	var s *string
	if err := json.Unmarshal(raw, &s); err == nil {
		if s == nil {
			return types.StringNull()
		}
		return types.StringValue(*s)
	}
	return types.StringValue(string(raw))
}

// fromAPI sets packages from whole items, or rows from projected ones
// (included); the other is null.
func (m *packagesDataModel) fromAPI(ctx context.Context, list *PackageList, included bool, diags *diag.Diagnostics) {
	m.Packages = types.ListNull(packageObject.Type())
	m.Rows = types.ListNull(rowType)
	if !included {
		models := make([]packageModel, len(list.Packages))
		for i, p := range list.Packages {
			models[i] = packageFromAPI(p)
		}
		v, d := types.ListValueFrom(ctx, packageObject.Type(), models)
		diags.Append(d...)
		m.Packages = v
		return
	}
	rows := make([]attr.Value, len(list.Rows))
	for i, row := range list.Rows {
		cells := make([]attr.Value, len(row))
		for j, cell := range row {
			cells[j] = cellValue(cell)
		}
		v, d := types.ListValue(types.StringType, cells)
		diags.Append(d...)
		rows[i] = v
	}
	v, d := types.ListValue(rowType, rows)
	diags.Append(d...)
	m.Rows = v
}
