package astra

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const packageTypeName = "continuity_astra_package"

var _ datasource.DataSourceWithConfigure = (*packageDataSource)(nil)

// NewPackageDataSource returns the continuity_astra_package data source.
func NewPackageDataSource() datasource.DataSource { return &packageDataSource{} }

type packageDataSource struct{ client *Client }

func (d *packageDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = packageTypeName
}

func (d *packageDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one Astra Control Center software package by its ID. To find packages by name, version or state, " +
			"use `continuity_astra_packages`.",
		Attributes: packageAttributes(schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The package's ID.",
			Validators:          []validator.String{astraIDValidator("")},
		}),
	}
}

func (d *packageDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *packageDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config packageModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := config.ID.ValueString()
	p, err := d.client.GetPackage(ctx, id)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", packageTypeName, id, err)
		return
	}
	state := packageFromAPI(*p)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
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
