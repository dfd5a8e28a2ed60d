package sdrs

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/setting"
	sdrsregion "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/region"
)

// Settings are the provider's sdrs block after environment fallbacks.
type Settings struct {
	Region    string
	ProjectID string
	AccessKey string
	SecretKey string
	Endpoint  string
}

// Names of the sdrs block's settings and their environment variables, the
// ones the official Huawei Cloud provider and tools use.
var (
	SettingRegion    = setting.New("sdrs", "region", "HW_REGION_NAME")
	SettingProjectID = setting.New("sdrs", "project_id", "HW_PROJECT_ID")
	SettingAccessKey = setting.New("sdrs", "access_key", "HW_ACCESS_KEY")
	SettingSecretKey = setting.New("sdrs", "secret_key", "HW_SECRET_KEY")
	SettingEndpoint  = setting.New("sdrs", "endpoint", "HW_SDRS_ENDPOINT")
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
		if r, err := sdrsregion.SafeValueOf(s.Region); err == nil && len(r.Endpoints) > 0 {
			return r.Endpoints[0], nil
		}
		return "https://sdrs." + s.Region + ".myhuaweicloud.com", nil
	}
	u, err := url.Parse(s.Endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("the SDRS endpoint %q (sdrs.endpoint or %s) is not a URL such as https://sdrs.cn-north-4.myhuaweicloud.com",
			s.Endpoint, SettingEndpoint.EnvVars[0])
	}
	if strings.Trim(u.Path, "/") != "" || u.RawQuery != "" {
		return "", fmt.Errorf("the SDRS endpoint %q (sdrs.endpoint or %s) must not have a path or query: requests go to /v1/{project_id}/... "+
			"at the root of the endpoint", s.Endpoint, SettingEndpoint.EnvVars[0])
	}
	return u.Scheme + "://" + u.Host, nil
}

// SettingsFromEnv reads the settings from their environment variables only.
func SettingsFromEnv() Settings {
	return Settings{
		Region:    SettingRegion.Env(),
		ProjectID: SettingProjectID.Env(),
		AccessKey: SettingAccessKey.Env(),
		SecretKey: SettingSecretKey.Env(),
		Endpoint:  SettingEndpoint.Env(),
	}
}
