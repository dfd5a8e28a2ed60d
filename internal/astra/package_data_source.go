package astra

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
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
			Validators:          idValidators(),
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
