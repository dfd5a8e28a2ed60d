package sdrs

import (
	"context"
	"fmt"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

const domainTypeName = "continuity_sdrs_domain"

var _ datasource.DataSourceWithConfigure = (*domainDataSource)(nil)

// NewDomainDataSource returns the continuity_sdrs_domain data source.
func NewDomainDataSource() datasource.DataSource { return &domainDataSource{} }

type domainDataSource struct{ client *Client }

func (d *domainDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = domainTypeName
}

func (d *domainDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up an SDRS active-active domain, by `name` or, when `name` is not set, the project's only one. " +
			"Its two availability zones are the sites a protection group can use.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Name of the domain (exact match). When not set, the project must have exactly one domain.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"id":                       schema.StringAttribute{Computed: true, MarkdownDescription: "ID of the domain, for a protection group's `domain_id`."},
			"description":              schema.StringAttribute{Computed: true, MarkdownDescription: "Description of the domain."},
			"local_availability_zone":  schema.StringAttribute{Computed: true, MarkdownDescription: "Availability zone of the domain's local replication cluster (usually the production site)."},
			"remote_availability_zone": schema.StringAttribute{Computed: true, MarkdownDescription: "Availability zone of the domain's remote replication cluster (usually the DR site)."},
		},
	}
}

func (d *domainDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *domainDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config domainDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domains, err := d.client.ListDomains(ctx)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", domainTypeName, "", err)
		return
	}
	names := make([]string, 0, len(domains))
	for _, dom := range domains {
		names = append(names, fmt.Sprintf("%q", dom.Name))
	}
	available := "none"
	if len(names) > 0 {
		available = strings.Join(names, ", ")
	}
	var found *Domain
	switch name := config.Name.ValueString(); {
	case !config.Name.IsNull():
		for i := range domains {
			if domains[i].Name == name {
				found = &domains[i]
				break
			}
		}
		if found == nil {
			resp.Diagnostics.AddAttributeError(path.Root("name"), "No such SDRS active-active domain",
				fmt.Sprintf("The project has no active-active domain named %q. Its domains: %s.", name, available))
			return
		}
	case len(domains) == 1:
		found = &domains[0]
	default:
		resp.Diagnostics.AddError("No single SDRS active-active domain",
			fmt.Sprintf("name is not set, so the project must have exactly one active-active domain, and it has %d (%s). Set name.", len(domains), available))
		return
	}
	config.fromAPI(*found)
	resp.Diagnostics.Append(resp.State.Set(ctx, &config)...)
}
