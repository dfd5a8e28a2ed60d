package manila

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// clearOSEnv empties the OS_* variables that clientconfig reads.
func clearOSEnv(t *testing.T) {
	t.Helper()
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "OS_") {
			t.Setenv(name, "")
		}
	}
}

func fullSettings() Settings {
	return Settings{AuthURL: "https://keystone.example.com:5000/v3", UserName: "u", Password: "p", ProjectName: "proj",
		UserDomainName: "Default", ProjectDomainName: "Default", Region: "RegionOne"}
}

func TestResolvePassword(t *testing.T) {
	clearOSEnv(t)
	r, err := fullSettings().Resolve()
	if err != nil {
		t.Fatal(err)
	}
	a := r.Auth
	if a.Username != "u" || a.Password != "p" || a.DomainName != "Default" || a.Scope.ProjectName != "proj" || a.Scope.DomainName != "Default" || !a.AllowReauth {
		t.Errorf("auth %+v scope %+v", a, a.Scope)
	}
	if r.Endpoint.Region != "RegionOne" || r.Endpoint.Availability != "public" {
		t.Errorf("endpoint %+v", r.Endpoint)
	}
	if strings.Join(r.Secrets, ",") != "p" {
		t.Errorf("secrets %v", r.Secrets)
	}
}

func TestResolveNamesMissingSettings(t *testing.T) {
	clearOSEnv(t)
	cases := map[string]struct {
		edit func(*Settings)
		want []string
	}{
		"auth url":          {func(s *Settings) { s.AuthURL = "" }, []string{`"auth_url" (manila.auth_url or the OS_AUTH_URL environment variable)`}},
		"password":          {func(s *Settings) { s.Password = "" }, []string{`"password" (manila.password or the OS_PASSWORD environment variable)`, "application_credential_id"}},
		"user":              {func(s *Settings) { s.UserName = "" }, []string{`"user_name" (manila.user_name or the OS_USERNAME environment variable)`}},
		"user domain":       {func(s *Settings) { s.UserDomainName = "" }, []string{`"user_domain_name"`}},
		"project":           {func(s *Settings) { s.ProjectName = "" }, []string{`"project_name" (manila.project_name or the OS_PROJECT_NAME or OS_TENANT_NAME environment variable)`}},
		"project domain":    {func(s *Settings) { s.ProjectDomainName = "" }, []string{`"project_domain_name"`}},
		"app cred secret":   {func(s *Settings) { s.ApplicationCredentialID = "ac" }, []string{`"application_credential_secret"`}},
		"bad endpoint type": {func(s *Settings) { s.EndpointType = "private" }, []string{`endpoint_type`, `"private"`}},
	}
	for name, tc := range cases {
		s := fullSettings()
		tc.edit(&s)
		_, err := s.Resolve()
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		for _, want := range tc.want {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: %q lacks %q", name, err, want)
			}
		}
	}
}

func TestResolveApplicationCredentialWinsOverPassword(t *testing.T) {
	clearOSEnv(t)
	s := fullSettings()
	s.ApplicationCredentialID, s.ApplicationCredentialSecret = "ac", "secret"
	r, err := s.Resolve()
	if err != nil {
		t.Fatal(err)
	}
	if r.Auth.Password != "" || r.Auth.Username != "" || r.Auth.ApplicationCredentialID != "ac" {
		t.Errorf("auth %+v", r.Auth)
	}
}

func TestResolveReadsOtherOSVariables(t *testing.T) {
	clearOSEnv(t)
	t.Setenv("OS_PROJECT_ID", "0123456789abcdef")
	s := fullSettings()
	s.ProjectName, s.ProjectDomainName = "", ""
	r, err := s.Resolve()
	if err != nil {
		t.Fatal(err)
	}
	if r.Auth.Scope.ProjectID != "0123456789abcdef" {
		t.Errorf("scope %+v", r.Auth.Scope)
	}
}

func TestResolveCloudsYAML(t *testing.T) {
	clearOSEnv(t)
	path := filepath.Join(t.TempDir(), "clouds.yaml")
	if err := os.WriteFile(path, []byte(`clouds:
  dr:
    auth:
      auth_url: https://keystone.dr.example.com/v3
      username: yaml-user
      password: yaml-password
      project_name: yaml-project
      user_domain_name: Default
    region_name: dr-region
    interface: internal
    verify: false
    cacert: /etc/ssl/dr.pem
`), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("OS_CLIENT_CONFIG_FILE", path)
	// The entry provides the credentials; the block fills what it leaves
	// out (project_domain_name) and overrides region and interface.
	r, err := Settings{Cloud: "dr", UserName: "block-user", ProjectDomainName: "Default", Region: "block-region"}.Resolve()
	if err != nil {
		t.Fatal(err)
	}
	a := r.Auth
	if a.IdentityEndpoint != "https://keystone.dr.example.com/v3" || a.Username != "yaml-user" || a.Password != "yaml-password" ||
		a.Scope.ProjectName != "yaml-project" || a.Scope.DomainName != "Default" {
		t.Errorf("auth %+v scope %+v", a, a.Scope)
	}
	if r.Endpoint.Region != "block-region" || r.Endpoint.Availability != "internal" || !r.Insecure || r.CACertFile != "/etc/ssl/dr.pem" {
		t.Errorf("resolved %+v", r)
	}
	// insecure set in the block or OS_INSECURE wins over verify.
	r, err = Settings{Cloud: "dr", ProjectDomainName: "Default", InsecureSet: true}.Resolve()
	if err != nil || r.Insecure {
		t.Errorf("insecure = %v, %v", r.Insecure, err)
	}
	// Missing settings name the entry.
	if _, err := (Settings{Cloud: "dr"}).Resolve(); err == nil || !strings.Contains(err.Error(), `clouds.yaml entry "dr"`) || !strings.Contains(err.Error(), "project_domain_name") {
		t.Errorf("err = %v", err)
	}
	if _, err := (Settings{Cloud: "elsewhere"}).Resolve(); err == nil || !strings.Contains(err.Error(), `entry "elsewhere" of clouds.yaml`) {
		t.Errorf("err = %v", err)
	}
}
