package manila

import (
	"errors"
	"fmt"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/setting"
	"github.com/gophercloud/gophercloud/v2"
	"github.com/gophercloud/utils/v2/openstack/clientconfig"
)

// Settings are the provider's manila block after environment fallbacks.
type Settings struct {
	AuthURL, UserName, Password, ProjectName, UserDomainName, ProjectDomainName string
	Region, Cloud, ApplicationCredentialID, ApplicationCredentialSecret         string
	EndpointType, CACertFile                                                    string
	Insecure                                                                    bool
	// InsecureSet says whether insecure was configured (in the block or
	// OS_INSECURE), so that it overrides the verify of a clouds.yaml entry.
	InsecureSet bool
}

// Names of the manila block's settings and their environment variables.
var (
	SettingAuthURL                     = setting.New("manila", "auth_url", "OS_AUTH_URL")
	SettingUserName                    = setting.New("manila", "user_name", "OS_USERNAME")
	SettingPassword                    = setting.New("manila", "password", "OS_PASSWORD")
	SettingProjectName                 = setting.New("manila", "project_name", "OS_PROJECT_NAME", "OS_TENANT_NAME")
	SettingUserDomainName              = setting.New("manila", "user_domain_name", "OS_USER_DOMAIN_NAME")
	SettingProjectDomainName           = setting.New("manila", "project_domain_name", "OS_PROJECT_DOMAIN_NAME")
	SettingRegion                      = setting.New("manila", "region", "OS_REGION_NAME")
	SettingCloud                       = setting.New("manila", "cloud", "OS_CLOUD")
	SettingApplicationCredentialID     = setting.New("manila", "application_credential_id", "OS_APPLICATION_CREDENTIAL_ID")
	SettingApplicationCredentialSecret = setting.New("manila", "application_credential_secret", "OS_APPLICATION_CREDENTIAL_SECRET")
	SettingEndpointType                = setting.New("manila", "endpoint_type", "OS_ENDPOINT_TYPE", "OS_INTERFACE")
	SettingInsecure                    = setting.New("manila", "insecure", "OS_INSECURE")
	SettingCACertFile                  = setting.New("manila", "cacert_file", "OS_CACERT")
)

// Resolved is the configuration a client is built from: Keystone
// credentials and scope, where to find Manila in the catalog, and TLS.
type Resolved struct {
	Auth       gophercloud.AuthOptions
	Endpoint   gophercloud.EndpointOpts
	Insecure   bool
	CACertFile string
	// Secrets are the literal secrets to mask in logs.
	Secrets []string
}

// fixedCloud serves one already-merged clouds.yaml entry to clientconfig.
type fixedCloud struct {
	name  string
	cloud clientconfig.Cloud
}

func (f fixedCloud) LoadCloudsYAML() (map[string]clientconfig.Cloud, error) {
	return map[string]clientconfig.Cloud{f.name: f.cloud}, nil
}

func (f fixedCloud) LoadSecureCloudsYAML() (map[string]clientconfig.Cloud, error) { return nil, nil }

func (f fixedCloud) LoadPublicCloudsYAML() (map[string]clientconfig.Cloud, error) { return nil, nil }

// Resolve turns the settings into client options, reading the clouds.yaml
// entry named by cloud (as the OpenStack provider does: the entry provides
// the credentials and scope; the block and the OS_* variables fill what it
// leaves out, and override its region, interface and TLS settings). It
// names every missing setting with its variable.
func (s Settings) Resolve() (*Resolved, error) {
	r := &Resolved{Insecure: s.Insecure, CACertFile: s.CACertFile}
	region, endpointType := s.Region, s.EndpointType
	info := &clientconfig.AuthInfo{}
	opts := &clientconfig.ClientOpts{}
	if s.Cloud != "" {
		cloud, err := clientconfig.GetCloudFromYAML(&clientconfig.ClientOpts{Cloud: s.Cloud, RegionName: s.Region})
		if err != nil {
			return nil, fmt.Errorf("reading the entry %q of clouds.yaml (manila.cloud or OS_CLOUD): %w. clouds.yaml is read from "+
				"the file named by OS_CLIENT_CONFIG_FILE, ./clouds.yaml, ~/.config/openstack/clouds.yaml or /etc/openstack/clouds.yaml", s.Cloud, err)
		}
		if cloud.AuthInfo != nil {
			info = cloud.AuthInfo
		}
		region = firstNonEmpty(region, cloud.RegionName)
		endpointType = firstNonEmpty(endpointType, cloud.EndpointType)
		r.CACertFile = firstNonEmpty(r.CACertFile, cloud.CACertFile)
		if !s.InsecureSet && cloud.Verify != nil {
			r.Insecure = !*cloud.Verify
		}
		merged := *cloud
		merged.AuthInfo, merged.Profile, merged.Cloud = info, "", ""
		opts.Cloud, opts.YAMLOpts = s.Cloud, fixedCloud{name: s.Cloud, cloud: merged}
	} else {
		opts.AuthInfo = info
	}
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	fill(&info.AuthURL, s.AuthURL)
	fill(&info.Username, s.UserName)
	fill(&info.Password, s.Password)
	fill(&info.ProjectName, s.ProjectName)
	fill(&info.UserDomainName, s.UserDomainName)
	fill(&info.ProjectDomainName, s.ProjectDomainName)
	fill(&info.ApplicationCredentialID, s.ApplicationCredentialID)
	fill(&info.ApplicationCredentialSecret, s.ApplicationCredentialSecret)

	if err := checkEndpointType(endpointType); err != nil {
		return nil, err
	}
	if info.AuthURL == "" {
		return nil, s.missing(SettingAuthURL.Describe())
	}
	ao, err := clientconfig.AuthOptions(opts)
	if err != nil {
		return nil, fmt.Errorf("building the Keystone credentials: %w", err)
	}
	if ao.ApplicationCredentialID != "" || ao.ApplicationCredentialName != "" {
		// gophercloud prefers a password to an application credential;
		// an application credential is the more deliberate choice (and
		// OS_PASSWORD may linger in the environment), so it wins.
		ao.Password = ""
		if ao.ApplicationCredentialID != "" {
			ao.Username, ao.UserID, ao.DomainID, ao.DomainName = "", "", "", ""
		}
	}
	if err := s.check(ao); err != nil {
		return nil, err
	}
	// Keep the credentials to authenticate again when a token expires,
	// except for a bare token, which cannot be renewed.
	ao.AllowReauth = ao.TokenID == "" || (ao.Scope != nil && *ao.Scope != gophercloud.AuthScope{})
	r.Auth = *ao
	r.Endpoint = gophercloud.EndpointOpts{Region: region, Availability: clientconfig.GetEndpointType(endpointType)}
	for _, secret := range []string{ao.Password, ao.ApplicationCredentialSecret, ao.TokenID} {
		if secret != "" {
			r.Secrets = append(r.Secrets, secret)
		}
	}
	return r, nil
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// checkEndpointType accepts the interfaces of the service catalog.
func checkEndpointType(t string) error {
	switch t {
	case "", "public", "publicURL", "internal", "internalURL", "admin", "adminURL":
		return nil
	}
	return fmt.Errorf("manila.endpoint_type (or OS_ENDPOINT_TYPE / OS_INTERFACE) is %q; use public, internal or admin", t)
}

// check names the settings that Keystone authentication still lacks.
func (s Settings) check(ao *gophercloud.AuthOptions) error {
	var missing []string
	appCred := ao.ApplicationCredentialID != "" || ao.ApplicationCredentialName != ""
	switch {
	case ao.TokenID != "":
		// A token (OS_TOKEN) authenticates on its own.
	case appCred:
		if ao.ApplicationCredentialSecret == "" {
			missing = append(missing, SettingApplicationCredentialSecret.Describe())
		}
	case ao.Password == "":
		missing = append(missing, SettingPassword.Describe()+" with a user, or "+SettingApplicationCredentialID.Describe()+
			" and "+SettingApplicationCredentialSecret.Describe())
	default:
		if ao.Username == "" && ao.UserID == "" {
			missing = append(missing, SettingUserName.Describe())
		}
		if ao.Username != "" && ao.DomainID == "" && ao.DomainName == "" {
			missing = append(missing, SettingUserDomainName.Describe())
		}
	}
	if !appCred && ao.TokenID == "" {
		scope := ao.Scope
		if scope == nil {
			scope = &gophercloud.AuthScope{}
		}
		switch {
		case scope.ProjectID == "" && scope.ProjectName == "":
			// Manila is in the catalog of project-scoped tokens only.
			missing = append(missing, SettingProjectName.Describe())
		case scope.ProjectName != "" && scope.DomainID == "" && scope.DomainName == "":
			missing = append(missing, SettingProjectDomainName.Describe())
		}
	}
	if len(missing) > 0 {
		return s.missing(missing...)
	}
	return nil
}

func (s Settings) missing(what ...string) error {
	where := "Set them in the provider's manila block or in the environment"
	if s.Cloud != "" {
		where = fmt.Sprintf("Set them in the clouds.yaml entry %q, in the provider's manila block or in the environment", s.Cloud)
	}
	return errors.New("the OpenStack Manila backend is used but these settings are missing: " + strings.Join(what, ", ") + ". " + where)
}

// SettingsFromEnv reads the settings from their environment variables only
// (an unparsable OS_INSECURE reads as false, but as set).
func SettingsFromEnv() Settings {
	insecure, insecureSet, _ := SettingInsecure.EnvBool()
	return Settings{
		AuthURL: SettingAuthURL.Env(), UserName: SettingUserName.Env(), Password: SettingPassword.Env(),
		ProjectName: SettingProjectName.Env(), UserDomainName: SettingUserDomainName.Env(),
		ProjectDomainName: SettingProjectDomainName.Env(), Region: SettingRegion.Env(), Cloud: SettingCloud.Env(),
		ApplicationCredentialID: SettingApplicationCredentialID.Env(), ApplicationCredentialSecret: SettingApplicationCredentialSecret.Env(),
		EndpointType: SettingEndpointType.Env(), CACertFile: SettingCACertFile.Env(),
		Insecure: insecure, InsecureSet: insecureSet,
	}
}
