package provider

import (
	"errors"

	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/continuity-dr/terraform-provider-continuity/internal/setting"
	"github.com/continuity-dr/terraform-provider-continuity/internal/transport"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// manilaModel is the provider's manila block.
type manilaModel struct {
	AuthURL                     types.String `tfsdk:"auth_url"`
	UserName                    types.String `tfsdk:"user_name"`
	Password                    types.String `tfsdk:"password"`
	ProjectName                 types.String `tfsdk:"project_name"`
	UserDomainName              types.String `tfsdk:"user_domain_name"`
	ProjectDomainName           types.String `tfsdk:"project_domain_name"`
	Region                      types.String `tfsdk:"region"`
	Cloud                       types.String `tfsdk:"cloud"`
	ApplicationCredentialID     types.String `tfsdk:"application_credential_id"`
	ApplicationCredentialSecret types.String `tfsdk:"application_credential_secret"`
	EndpointType                types.String `tfsdk:"endpoint_type"`
	Insecure                    types.Bool   `tfsdk:"insecure"`
	CACertFile                  types.String `tfsdk:"cacert_file"`
}

func manilaBlock() schema.Block {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: desc}
	}
	secret := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Sensitive: true, MarkdownDescription: desc}
	}
	return schema.SingleNestedBlock{
		MarkdownDescription: "OpenStack Manila (shared file systems), authenticated through Keystone v3 with a password, an application credential, " +
			"or a `clouds.yaml` entry, as the OpenStack provider and CLI are.",
		Attributes: map[string]schema.Attribute{
			"auth_url":            str("Keystone v3 URL, e.g. `https://keystone.example.com:5000/v3`. Environment: `OS_AUTH_URL`."),
			"user_name":           str("User name. Environment: `OS_USERNAME`."),
			"password":            secret("Password. Environment: `OS_PASSWORD`."),
			"project_name":        str("Project (tenant) to scope the token to. Environment: `OS_PROJECT_NAME` or `OS_TENANT_NAME`."),
			"user_domain_name":    str("Domain of the user. Environment: `OS_USER_DOMAIN_NAME`."),
			"project_domain_name": str("Domain of the project. Environment: `OS_PROJECT_DOMAIN_NAME`."),
			"region":              str("Region of the Manila endpoint in the service catalog. Environment: `OS_REGION_NAME`."),
			"cloud": str("Entry of `clouds.yaml` to read the settings from: it provides the credentials and scope, and the other settings " +
				"only fill what it leaves out (`region`, `endpoint_type`, `insecure` and `cacert_file` override it). Environment: `OS_CLOUD`."),
			"application_credential_id":     str("Application credential ID; takes precedence over a password. Environment: `OS_APPLICATION_CREDENTIAL_ID`."),
			"application_credential_secret": secret("Application credential secret. Environment: `OS_APPLICATION_CREDENTIAL_SECRET`."),
			"endpoint_type":                 str("Endpoint interface in the catalog: `public`, `internal` or `admin`. Environment: `OS_ENDPOINT_TYPE` or `OS_INTERFACE`."),
			"insecure":                      schema.BoolAttribute{Optional: true, MarkdownDescription: "Skip TLS certificate verification. Environment: `OS_INSECURE`."},
			"cacert_file":                   str("PEM file with CA certificates to trust. Environment: `OS_CACERT`."),
		},
	}
}

// resolveManila applies the environment fallbacks of the manila block.
func resolveManila(block *manilaModel) (manila.Settings, error) {
	if block == nil {
		block = &manilaModel{}
	}
	var s manila.Settings
	var errs []error
	get := func(dst *string, v types.String, set setting.Setting) {
		var err error
		*dst, err = set.String(v)
		errs = append(errs, err)
	}
	get(&s.AuthURL, block.AuthURL, manila.SettingAuthURL)
	get(&s.UserName, block.UserName, manila.SettingUserName)
	get(&s.Password, block.Password, manila.SettingPassword)
	get(&s.ProjectName, block.ProjectName, manila.SettingProjectName)
	get(&s.UserDomainName, block.UserDomainName, manila.SettingUserDomainName)
	get(&s.ProjectDomainName, block.ProjectDomainName, manila.SettingProjectDomainName)
	get(&s.Region, block.Region, manila.SettingRegion)
	get(&s.Cloud, block.Cloud, manila.SettingCloud)
	get(&s.ApplicationCredentialID, block.ApplicationCredentialID, manila.SettingApplicationCredentialID)
	get(&s.ApplicationCredentialSecret, block.ApplicationCredentialSecret, manila.SettingApplicationCredentialSecret)
	get(&s.EndpointType, block.EndpointType, manila.SettingEndpointType)
	get(&s.CACertFile, block.CACertFile, manila.SettingCACertFile)
	var err error
	s.Insecure, s.InsecureSet, err = manila.SettingInsecure.Bool(block.Insecure)
	errs = append(errs, err)
	return s, errors.Join(errs...)
}

// newManilaClient resolves the manila block with its environment fallbacks
// and clouds.yaml, and builds the client on the provider's HTTP stack, or
// returns why the backend cannot be used. It does not contact Keystone:
// the client authenticates when a Manila resource first uses it.
func newManilaClient(block *manilaModel, version string, retry transport.Options) (*manila.Client, error) {
	s, err := resolveManila(block)
	if err != nil {
		return nil, err
	}
	r, err := s.Resolve()
	if err != nil {
		return nil, err
	}
	httpClient, err := transport.New(transport.Options{
		RetryMax: retry.RetryMax, RetryWaitMin: retry.RetryWaitMin, RetryWaitMax: retry.RetryWaitMax,
		UserAgent:    transport.UserAgent(version),
		Insecure:     r.Insecure,
		CAFile:       r.CACertFile,
		SecretValues: r.Secrets,
		Subsystem:    "manila",
	})
	if err != nil {
		return nil, err
	}
	return manila.NewClient(r, httpClient)
}
