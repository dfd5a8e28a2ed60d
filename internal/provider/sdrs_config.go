package provider

import (
	"errors"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
	"github.com/continuity-dr/terraform-provider-continuity/internal/setting"
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

	ECSEndpoint types.String `tfsdk:"ecs_endpoint"`
	VPCEndpoint types.String `tfsdk:"vpc_endpoint"`
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
			"ecs_endpoint": schema.StringAttribute{Optional: true,
				MarkdownDescription: "ECS endpoint URL, where the servers of protected instances are read (SDRS does not report their flavors and " +
					"states). By default the region's (`https://ecs.<region>.myhuaweicloud.com`), or, when `endpoint` is set, that URL with " +
					"its first host label `sdrs` replaced by `ecs` (a host without it, such as the sandbox's, serves both). Environment: `HW_ECS_ENDPOINT`."},
			"vpc_endpoint": schema.StringAttribute{Optional: true,
				MarkdownDescription: "VPC endpoint URL, where the NICs of protected instances' servers are read; by default derived as " +
					"`ecs_endpoint` is, with `vpc`. Environment: `HW_VPC_ENDPOINT`."},
		},
	}
}

// resolveSDRS applies the environment fallbacks of the sdrs block.
func resolveSDRS(block *sdrsModel) (sdrs.Settings, error) {
	if block == nil {
		block = &sdrsModel{}
	}
	var s sdrs.Settings
	var errs []error
	str := func(dst *string, v types.String, set setting.Setting) {
		var err error
		*dst, err = set.String(v)
		errs = append(errs, err)
	}
	str(&s.Region, block.Region, sdrs.SettingRegion)
	str(&s.ProjectID, block.ProjectID, sdrs.SettingProjectID)
	str(&s.AccessKey, block.AccessKey, sdrs.SettingAccessKey)
	str(&s.SecretKey, block.SecretKey, sdrs.SettingSecretKey)
	str(&s.Endpoint, block.Endpoint, sdrs.SettingEndpoint)
	str(&s.ECSEndpoint, block.ECSEndpoint, sdrs.SettingECSEndpoint)
	str(&s.VPCEndpoint, block.VPCEndpoint, sdrs.SettingVPCEndpoint)
	return s, errors.Join(errs...)
}

// newSDRSClient resolves the sdrs block and builds the client on the
// provider's HTTP stack, or returns why the backend cannot be used.
func newSDRSClient(block *sdrsModel, version string, retry transport.Options) (*sdrs.Client, error) {
	s, err := resolveSDRS(block)
	if err != nil {
		return nil, err
	}
	httpClient, err := transport.New(transport.Options{
		RetryMax: retry.RetryMax, RetryWaitMin: retry.RetryWaitMin, RetryWaitMax: retry.RetryWaitMax,
		// No UserAgent here: the SDK signs the User-Agent header, so the
		// transport must leave it alone; the SDK sends this one.
		SecretValues: []string{s.SecretKey},
		Subsystem:    "sdrs",
	})
	if err != nil {
		return nil, err
	}
	return sdrs.NewClient(s, httpClient.Transport, transport.UserAgent(version))
}
