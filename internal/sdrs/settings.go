package sdrs

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/setting"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/region"
	ecsregion "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/ecs/v2/region"
	sdrsregion "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/region"
	vpcregion "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpc/v2/region"
)

// Settings are the provider's sdrs block after environment fallbacks.
type Settings struct {
	Region    string
	ProjectID string
	AccessKey string
	SecretKey string
	Endpoint  string
	// ECSEndpoint and VPCEndpoint are where the servers SDRS protects, and
	// their NICs, are read (ServiceEndpointURL).
	ECSEndpoint string
	VPCEndpoint string
}

// Names of the sdrs block's settings and their environment variables, the
// ones the official Huawei Cloud provider and tools use.
var (
	SettingRegion    = setting.New("sdrs", "region", "HW_REGION_NAME")
	SettingProjectID = setting.New("sdrs", "project_id", "HW_PROJECT_ID")
	SettingAccessKey = setting.New("sdrs", "access_key", "HW_ACCESS_KEY")
	SettingSecretKey = setting.New("sdrs", "secret_key", "HW_SECRET_KEY")
	SettingEndpoint  = setting.New("sdrs", "endpoint", "HW_SDRS_ENDPOINT")
	// The ECS and VPC endpoints, for the protected servers and their NICs.
	SettingECSEndpoint = setting.New("sdrs", "ecs_endpoint", "HW_ECS_ENDPOINT")
	SettingVPCEndpoint = setting.New("sdrs", "vpc_endpoint", "HW_VPC_ENDPOINT")
)

// Validate names every missing setting with its environment variable. The
// region is needed only to derive the endpoint.
func (s Settings) Validate() error {
	var missing []string
	for _, m := range []struct {
		v string
		s setting.Setting
	}{{s.ProjectID, SettingProjectID}, {s.AccessKey, SettingAccessKey}, {s.SecretKey, SettingSecretKey}} {
		if strings.TrimSpace(m.v) == "" {
			missing = append(missing, m.s.Describe())
		}
	}
	if strings.TrimSpace(s.Region) == "" && strings.TrimSpace(s.Endpoint) == "" {
		missing = append(missing, SettingRegion.Describe()+", or "+SettingEndpoint.Describe())
	}
	if len(missing) > 0 {
		return setting.Missing("Huawei Cloud SDRS", "sdrs", missing)
	}
	return nil
}

// EndpointURL returns the endpoint to call: the configured one, else the
// SDK's endpoint of the region, else https://sdrs.<region>.myhuaweicloud.com.
// The SDK sends every request to /v1/... at the root of its endpoint, so an
// endpoint with a path is refused rather than silently ignored.
func (s Settings) EndpointURL() (string, error) {
	if s.Endpoint == "" {
		return regionEndpoint("sdrs", s.Region, sdrsregion.SafeValueOf), nil
	}
	return rootURL("SDRS", s.Endpoint, SettingEndpoint)
}

// regionEndpoint is the SDK's endpoint of service in region, else
// https://<service>.<region>.myhuaweicloud.com.
func regionEndpoint(service, name string, lookup func(string) (*region.Region, error)) string {
	if r, err := lookup(name); err == nil && len(r.Endpoints) > 0 {
		return r.Endpoints[0]
	}
	return "https://" + service + "." + name + ".myhuaweicloud.com"
}

// rootURL checks a configured endpoint of service (set names its setting):
// a URL without path or query, as the SDK sends every request to /v1/...
// at the root of its endpoint.
func rootURL(service, endpoint string, set setting.Setting) (string, error) {
	u, err := url.Parse(endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("the %s endpoint %q (%s or %s) is not a URL such as https://%s.cn-north-4.myhuaweicloud.com",
			service, endpoint, set.Block+"."+set.Attribute, set.EnvVars[0], strings.ToLower(service))
	}
	if strings.Trim(u.Path, "/") != "" || u.RawQuery != "" {
		return "", fmt.Errorf("the %s endpoint %q (%s or %s) must not have a path or query: requests go to /v1/{project_id}/... "+
			"at the root of the endpoint", service, endpoint, set.Block+"."+set.Attribute, set.EnvVars[0])
	}
	return u.Scheme + "://" + u.Host, nil
}

// ECSEndpointURL and VPCEndpointURL return where the provider reads the
// servers SDRS protects (their flavors and states) and their NICs: the
// configured endpoint; else, when the SDRS endpoint is configured, the
// same URL with its first host label sdrs replaced by ecs or vpc (a host
// without that label, an API gateway or the sandbox, serves all three);
// else the SDK's endpoint of the region.
func (s Settings) ECSEndpointURL() (string, error) {
	return s.serviceEndpoint("ecs", s.ECSEndpoint, SettingECSEndpoint, ecsregion.SafeValueOf)
}

// VPCEndpointURL: see ECSEndpointURL.
func (s Settings) VPCEndpointURL() (string, error) {
	return s.serviceEndpoint("vpc", s.VPCEndpoint, SettingVPCEndpoint, vpcregion.SafeValueOf)
}

func (s Settings) serviceEndpoint(service, configured string, set setting.Setting, lookup func(string) (*region.Region, error)) (string, error) {
	if configured != "" {
		return rootURL(strings.ToUpper(service), configured, set)
	}
	if s.Endpoint == "" {
		return regionEndpoint(service, s.Region, lookup), nil
	}
	sdrs, err := s.EndpointURL()
	if err != nil {
		return "", err
	}
	u, _ := url.Parse(sdrs)
	if rest, ok := strings.CutPrefix(u.Host, "sdrs."); ok {
		u.Host = service + "." + rest
	}
	return u.String(), nil
}

// SettingsFromEnv reads the settings from their environment variables only.
func SettingsFromEnv() Settings {
	return Settings{
		Region:    SettingRegion.Env(),
		ProjectID: SettingProjectID.Env(),
		AccessKey: SettingAccessKey.Env(),
		SecretKey: SettingSecretKey.Env(),
		Endpoint:  SettingEndpoint.Env(),

		ECSEndpoint: SettingECSEndpoint.Env(),
		VPCEndpoint: SettingVPCEndpoint.Env(),
	}
}
