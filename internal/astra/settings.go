package astra

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Settings are the provider's astra block after environment fallbacks.
type Settings struct {
	Endpoint  string
	AccountID string
	APIToken  string
	Insecure  bool
	CAFile    string
}

// Setting names one provider setting and its environment variable.
type Setting struct{ Attribute, EnvVar string }

// Names of the astra block's settings and their environment variables.
var (
	SettingEndpoint  = Setting{"endpoint", "ASTRA_ENDPOINT"}
	SettingAccountID = Setting{"account_id", "ASTRA_ACCOUNT_ID"}
	SettingAPIToken  = Setting{"api_token", "ASTRA_API_TOKEN"}
	SettingInsecure  = Setting{"insecure", "ASTRA_INSECURE"}
	SettingCAFile    = Setting{"ca_file", "ASTRA_CA_FILE"}
)

// Validate names every missing setting with its environment variable.
func (s Settings) Validate() error {
	var missing []string
	for _, m := range []struct {
		v string
		s Setting
	}{{s.Endpoint, SettingEndpoint}, {s.AccountID, SettingAccountID}, {s.APIToken, SettingAPIToken}} {
		if strings.TrimSpace(m.v) == "" {
			missing = append(missing, fmt.Sprintf("%q (astra.%s or the %s environment variable)", m.s.Attribute, m.s.Attribute, m.s.EnvVar))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("the Astra Control backend is used but these settings are missing: %s. Set them in the provider's astra block or in the environment", strings.Join(missing, ", "))
	}
	return nil
}

// SettingsFromEnv reads the settings from their environment variables only.
func SettingsFromEnv() Settings {
	insecure, _ := strconv.ParseBool(os.Getenv(SettingInsecure.EnvVar))
	return Settings{
		Endpoint:  os.Getenv(SettingEndpoint.EnvVar),
		AccountID: os.Getenv(SettingAccountID.EnvVar),
		APIToken:  os.Getenv(SettingAPIToken.EnvVar),
		Insecure:  insecure,
		CAFile:    os.Getenv(SettingCAFile.EnvVar),
	}
}
