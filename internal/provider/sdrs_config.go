package provider

import (
	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
	"github.com/continuity-dr/terraform-provider-continuity/internal/transport"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// sdrsModel is the provider's sdrs block.
type sdrsModel struct {
	Region    types.String `tfsdk:"region"`
	ProjectID types.String `tfsdk:"project_id"`
	AccessKey types.String `tfsdk:"access_key"`
	SecretKey types.String `tfsdk:"secret_key"`
	Endpoint  types.String `tfsdk:"endpoint"`
}

// sdrsSettings is the sdrs block after environment fallbacks.
type sdrsSettings struct {
	Region, ProjectID, AccessKey, SecretKey, Endpoint string
	Err                                               error
}

func sdrsBlock() schema.Block {
	return schema.SingleNestedBlock{
		MarkdownDescription: "Huawei Cloud Storage Disaster Recovery Service (SDRS), authenticated with an AK/SK pair as in the official Huawei Cloud provider and SDK.",
		Attributes: map[string]schema.Attribute{
			"region":     schema.StringAttribute{Optional: true, MarkdownDescription: "Region, e.g. `cn-north-4`. Environment: `HW_REGION_NAME`."},
			"project_id": schema.StringAttribute{Optional: true, MarkdownDescription: "Project ID of the region. Environment: `HW_PROJECT_ID`."},
			"access_key": schema.StringAttribute{Optional: true, MarkdownDescription: "Access key (AK). Environment: `HW_ACCESS_KEY`."},
			"secret_key": schema.StringAttribute{Optional: true, Sensitive: true, MarkdownDescription: "Secret key (SK). Environment: `HW_SECRET_KEY`."},
			"endpoint": schema.StringAttribute{Optional: true,
				MarkdownDescription: "SDRS endpoint URL; by default `https://sdrs.<region>.myhuaweicloud.com`. Environment: `HW_SDRS_ENDPOINT`."},
		},
	}
}

// resolveSDRS applies the environment fallbacks of the sdrs block.
func resolveSDRS(block *sdrsModel) sdrsSettings {
	if block == nil {
		block = &sdrsModel{}
	}
	var s sdrsSettings
	var err error
	collect := func(dst *string, attribute string, v types.String, env string) {
		if err != nil {
			return
		}
		*dst, err = stringSetting("sdrs", attribute, v, env)
	}
	collect(&s.Region, "region", block.Region, "HW_REGION_NAME")
	collect(&s.ProjectID, "project_id", block.ProjectID, "HW_PROJECT_ID")
	collect(&s.AccessKey, "access_key", block.AccessKey, "HW_ACCESS_KEY")
	collect(&s.SecretKey, "secret_key", block.SecretKey, "HW_SECRET_KEY")
	collect(&s.Endpoint, "endpoint", block.Endpoint, "HW_SDRS_ENDPOINT")
	s.Err = err
	return s
}

// newSDRSClient builds the SDRS client from the resolved sdrs block, or
// returns why the backend cannot be used.
func newSDRSClient(s sdrsSettings, version string) (*sdrs.Client, error) {
	if s.Err != nil {
		return nil, s.Err
	}
	settings := sdrs.Settings{Region: s.Region, ProjectID: s.ProjectID, AccessKey: s.AccessKey, SecretKey: s.SecretKey, Endpoint: s.Endpoint}
	if err := settings.Validate(); err != nil {
		return nil, err
	}
	httpClient, err := transport.New(transport.Options{
		// No UserAgent here: the SDK signs the User-Agent header, so the
		// transport must leave it alone; the SDK sends this one.
		SecretValues: []string{s.SecretKey},
		Subsystem:    "sdrs",
	})
	if err != nil {
		return nil, err
	}
	return sdrs.NewClient(settings, httpClient.Transport, transport.UserAgent(version))
}
