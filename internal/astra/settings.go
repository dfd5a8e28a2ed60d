package astra

import (
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/setting"
)

// Settings are the provider's astra block after environment fallbacks.
type Settings struct {
	Endpoint  string
	AccountID string
	APIToken  string
	Insecure  bool
	CAFile    string
}

// Names of the astra block's settings and their environment variables.
var (
	SettingEndpoint  = setting.New("astra", "endpoint", "ASTRA_ENDPOINT")
	SettingAccountID = setting.New("astra", "account_id", "ASTRA_ACCOUNT_ID")
	SettingAPIToken  = setting.New("astra", "api_token", "ASTRA_API_TOKEN")
	SettingInsecure  = setting.New("astra", "insecure", "ASTRA_INSECURE")
	SettingCAFile    = setting.New("astra", "ca_file", "ASTRA_CA_FILE")
)

// Validate names every missing setting with its environment variable.
func (s Settings) Validate() error {
	var missing []string
	for _, m := range []struct {
		v string
		s setting.Setting
	}{{s.Endpoint, SettingEndpoint}, {s.AccountID, SettingAccountID}, {s.APIToken, SettingAPIToken}} {
		if strings.TrimSpace(m.v) == "" {
			missing = append(missing, m.s.Describe())
		}
	}
	if len(missing) > 0 {
		return setting.Missing("Astra Control", "astra", missing)
	}
	return nil
}

// SettingsFromEnv reads the settings from their environment variables only
// (an unparsable ASTRA_INSECURE reads as false).
func SettingsFromEnv() Settings {
	insecure, _, _ := SettingInsecure.EnvBool()
	return Settings{
		Endpoint:  SettingEndpoint.Env(),
		AccountID: SettingAccountID.Env(),
		APIToken:  SettingAPIToken.Env(),
		Insecure:  insecure,
		CAFile:    SettingCAFile.Env(),
	}
}
