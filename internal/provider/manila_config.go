package provider

import (
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

// manilaSettings is the manila block after environment fallbacks.
type manilaSettings struct {
	AuthURL, UserName, Password, ProjectName, UserDomainName, ProjectDomainName string
	Region, Cloud, ApplicationCredentialID, ApplicationCredentialSecret         string
	EndpointType, CACertFile                                                    string
	Insecure                                                                    bool
	Err                                                                         error
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
			"auth_url":                      str("Keystone v3 URL, e.g. `https://keystone.example.com:5000/v3`. Environment: `OS_AUTH_URL`."),
			"user_name":                     str("User name. Environment: `OS_USERNAME`."),
			"password":                      secret("Password. Environment: `OS_PASSWORD`."),
			"project_name":                  str("Project (tenant) to scope the token to. Environment: `OS_PROJECT_NAME` or `OS_TENANT_NAME`."),
			"user_domain_name":              str("Domain of the user. Environment: `OS_USER_DOMAIN_NAME`."),
			"project_domain_name":           str("Domain of the project. Environment: `OS_PROJECT_DOMAIN_NAME`."),
			"region":                        str("Region of the Manila endpoint in the service catalog. Environment: `OS_REGION_NAME`."),
			"cloud":                         str("Entry of `clouds.yaml` to read the settings from. Environment: `OS_CLOUD`."),
			"application_credential_id":     str("Application credential ID. Environment: `OS_APPLICATION_CREDENTIAL_ID`."),
			"application_credential_secret": secret("Application credential secret. Environment: `OS_APPLICATION_CREDENTIAL_SECRET`."),
			"endpoint_type":                 str("Endpoint interface in the catalog: `public`, `internal` or `admin`. Environment: `OS_ENDPOINT_TYPE` or `OS_INTERFACE`."),
			"insecure":                      schema.BoolAttribute{Optional: true, MarkdownDescription: "Skip TLS certificate verification. Environment: `OS_INSECURE`."},
			"cacert_file":                   str("PEM file with CA certificates to trust. Environment: `OS_CACERT`."),
		},
	}
}

// resolveManila applies the environment fallbacks of the manila block.
func resolveManila(block *manilaModel) manilaSettings {
	if block == nil {
		block = &manilaModel{}
	}
	var s manilaSettings
	var err error
	collect := func(dst *string, attribute string, v types.String, env ...string) {
		if err != nil {
			return
		}
		*dst, err = stringSetting("manila", attribute, v, env...)
	}
	collect(&s.AuthURL, "auth_url", block.AuthURL, "OS_AUTH_URL")
	collect(&s.UserName, "user_name", block.UserName, "OS_USERNAME")
	collect(&s.Password, "password", block.Password, "OS_PASSWORD")
	collect(&s.ProjectName, "project_name", block.ProjectName, "OS_PROJECT_NAME", "OS_TENANT_NAME")
	collect(&s.UserDomainName, "user_domain_name", block.UserDomainName, "OS_USER_DOMAIN_NAME")
	collect(&s.ProjectDomainName, "project_domain_name", block.ProjectDomainName, "OS_PROJECT_DOMAIN_NAME")
	collect(&s.Region, "region", block.Region, "OS_REGION_NAME")
	collect(&s.Cloud, "cloud", block.Cloud, "OS_CLOUD")
	collect(&s.ApplicationCredentialID, "application_credential_id", block.ApplicationCredentialID, "OS_APPLICATION_CREDENTIAL_ID")
	collect(&s.ApplicationCredentialSecret, "application_credential_secret", block.ApplicationCredentialSecret, "OS_APPLICATION_CREDENTIAL_SECRET")
	collect(&s.EndpointType, "endpoint_type", block.EndpointType, "OS_ENDPOINT_TYPE", "OS_INTERFACE")
	collect(&s.CACertFile, "cacert_file", block.CACertFile, "OS_CACERT")
	if err == nil {
		s.Insecure, err = boolSetting("manila", "insecure", block.Insecure, "OS_INSECURE")
	}
	s.Err = err
	return s
}
