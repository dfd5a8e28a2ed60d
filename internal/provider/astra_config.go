package provider

import (
	"errors"

	"github.com/continuity-dr/terraform-provider-continuity/internal/astra"
	"github.com/continuity-dr/terraform-provider-continuity/internal/setting"
	"github.com/continuity-dr/terraform-provider-continuity/internal/transport"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// astraModel is the provider's astra block.
type astraModel struct {
	Endpoint  types.String `tfsdk:"endpoint"`
	AccountID types.String `tfsdk:"account_id"`
	APIToken  types.String `tfsdk:"api_token"`
	Insecure  types.Bool   `tfsdk:"insecure"`
	CAFile    types.String `tfsdk:"ca_file"`
}

func astraBlock() schema.Block {
	return schema.SingleNestedBlock{
		MarkdownDescription: "NetApp Astra Control (Center or Service) REST API, authenticated with an API token.",
		Attributes: map[string]schema.Attribute{
			"endpoint": schema.StringAttribute{Optional: true,
				MarkdownDescription: "Base URL of Astra Control, e.g. `https://astra.example.com` (without `/accounts/...`). Environment: `ASTRA_ENDPOINT`."},
			"account_id": schema.StringAttribute{Optional: true,
				MarkdownDescription: "Astra account ID (a UUID, shown on the API access page). Environment: `ASTRA_ACCOUNT_ID`."},
			"api_token": schema.StringAttribute{Optional: true, Sensitive: true,
				MarkdownDescription: "API token, sent as a bearer token. Environment: `ASTRA_API_TOKEN`."},
			"insecure": schema.BoolAttribute{Optional: true,
				MarkdownDescription: "Skip TLS certificate verification (self-signed Astra Control Center). Environment: `ASTRA_INSECURE`."},
			"ca_file": schema.StringAttribute{Optional: true,
				MarkdownDescription: "PEM file with CA certificates to trust in addition to the system's. Environment: `ASTRA_CA_FILE`."},
		},
	}
}

// resolveAstra applies the environment fallbacks of the astra block.
func resolveAstra(block *astraModel) (astra.Settings, error) {
	if block == nil {
		block = &astraModel{}
	}
	var s astra.Settings
	var errs []error
	str := func(dst *string, v types.String, set setting.Setting) {
		var err error
		*dst, err = set.String(v)
		errs = append(errs, err)
	}
	str(&s.Endpoint, block.Endpoint, astra.SettingEndpoint)
	str(&s.AccountID, block.AccountID, astra.SettingAccountID)
	str(&s.APIToken, block.APIToken, astra.SettingAPIToken)
	str(&s.CAFile, block.CAFile, astra.SettingCAFile)
	var err error
	s.Insecure, _, err = astra.SettingInsecure.Bool(block.Insecure)
	errs = append(errs, err)
	return s, errors.Join(errs...)
}

// newAstraClient resolves the astra block and builds the client on the
// provider's HTTP stack, or returns why the backend cannot be used.
func newAstraClient(block *astraModel, version string, retry transport.Options) (*astra.Client, error) {
	s, err := resolveAstra(block)
	if err != nil {
		return nil, err
	}
	httpClient, err := transport.New(transport.Options{
		RetryMax: retry.RetryMax, RetryWaitMin: retry.RetryWaitMin, RetryWaitMax: retry.RetryWaitMax,
		UserAgent:    transport.UserAgent(version),
		Insecure:     s.Insecure,
		CAFile:       s.CAFile,
		SecretValues: []string{s.APIToken},
		Subsystem:    "astra",
	})
	if err != nil {
		return nil, err
	}
	return astra.NewClient(s, httpClient)
}
