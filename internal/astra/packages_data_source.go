package astra

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const packagesTypeName = "continuity_astra_packages"

var _ datasource.DataSourceWithConfigure = (*packagesDataSource)(nil)

// NewPackagesDataSource returns the continuity_astra_packages data source.
func NewPackagesDataSource() datasource.DataSource { return &packagesDataSource{} }

type packagesDataSource struct{ client *Client }

// packageObject is the element of packages.
var packageObject = schema.NestedAttributeObject{Attributes: packageAttributes(computedString("The package's ID."))}

func (d *packagesDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = packagesTypeName
}

func (d *packagesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the software packages of Astra Control Center (Astra Control, Astra Control Service and Trident " +
			"installation and patch packages). `filter`, `order_by`, `include` and `limit` are passed to the API's `filter`, `orderBy`, " +
			"`include` and `limit` query parameters as they are, so they use the API's field names (`packageName`, `packageVersion`, " +
			"`packageType`, `packageState`, `severityLevel`, `images[*].imageTag`, `metadata.creationTimestamp`, …) and its syntax; the " +
			"syntax, and the fields of `order_by` and `include`, are checked at plan time, the field names of `filter` by the API.\n\n" +
			"Without `include`, `packages` holds whole packages and `rows` is null. With `include`, each package becomes one row of `rows`: " +
			"the values of the included fields, in the order given, and `packages` is null.",
		Attributes: map[string]schema.Attribute{
			"filter": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Conditions the packages must all meet, in the API's syntax: `field op 'value'`, several separated by commas. " +
					"`op` is `eq`, `lt`, `gt`, `lte`, `gte` or `in` (the field contains the value); a path such as `images[*].imageTag` " +
					"looks into arrays. Values are compared as text. Example: `packageName eq 'acc',packageVersion gte '24.02.0'`.",
				Validators: []validator.String{queryFilterValidator},
			},
			"order_by": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "One text field to sort by, optionally followed by ` desc`, e.g. `packageVersion desc`: `type`, `version`, `id`, " +
					"`packageName`, `packageVersion`, `packageType`, `severityLevel` or `packageState`. Without it the API's order is kept.",
				Validators: []validator.String{queryOrderByValidator, packageOrderByValidator},
			},
			"include": schema.ListAttribute{
				Optional:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "Top-level fields to project each package onto, in order, e.g. `[\"id\", \"packageVersion\"]`. Fills `rows` instead of `packages`.",
				Validators: []validator.List{
					listvalidator.SizeAtLeast(1),
					listvalidator.ValueStringsAre(queryFieldValidator, packageIncludeValidator),
				},
			},
			"limit": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Maximum number of packages, applied after the filter and the sort.",
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"packages": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The packages, in the API's order (or `order_by`'s); null when `include` is set.",
				NestedObject:        packageObject,
			},
			"rows": schema.ListAttribute{
				Computed:    true,
				ElementType: rowType,
				MarkdownDescription: "With `include`: one row per package, the included fields' values in order. Strings are given as is, " +
					"other values (numbers, arrays, objects such as `images`) as JSON text to read with `jsondecode()`, a missing field as null. " +
					"Null when `include` is not set.",
			},
		},
	}
}

func (d *packagesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *packagesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state packagesDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	q := PackageQuery{Filter: state.Filter.ValueString(), OrderBy: state.OrderBy.ValueString(), Limit: state.Limit.ValueInt64()}
	if !state.Include.IsNull() {
		resp.Diagnostics.Append(state.Include.ElementsAs(ctx, &q.Include, false)...)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	list, err := d.client.ListPackages(ctx, q)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing packages for", packagesTypeName, "", err)
		return
	}
	state.fromAPI(ctx, list, len(q.Include) > 0, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
