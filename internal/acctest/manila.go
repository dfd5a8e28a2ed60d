package acctest

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/continuity-dr/terraform-provider-continuity/internal/transport"
)

// Sandbox variables of the Manila backend used by the tests.
const (
	EnvManilaProjectID          = "CONTINUITY_SANDBOX_MANILA_PROJECT_ID"
	EnvManilaAdminUsername      = "CONTINUITY_SANDBOX_MANILA_ADMIN_USERNAME"
	EnvManilaAdminPassword      = "CONTINUITY_SANDBOX_MANILA_ADMIN_PASSWORD"
	EnvManilaAdminProjectName   = "CONTINUITY_SANDBOX_MANILA_ADMIN_PROJECT_NAME"
	EnvManilaAdminProjectID     = "CONTINUITY_SANDBOX_MANILA_ADMIN_PROJECT_ID"
	EnvManilaAdminUserDomain    = "CONTINUITY_SANDBOX_MANILA_ADMIN_USER_DOMAIN_NAME"
	EnvManilaAdminProjectDomain = "CONTINUITY_SANDBOX_MANILA_ADMIN_PROJECT_DOMAIN_NAME"
	EnvManilaShareTypeDefaultID = "CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_DEFAULT_ID"
	EnvManilaShareTypeGoldID    = "CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_GOLD_ID"
	EnvManilaShareNetworkID     = "CONTINUITY_SANDBOX_MANILA_SHARE_NETWORK_ID"
	EnvManilaShareNetworkName   = "CONTINUITY_SANDBOX_MANILA_SHARE_NETWORK_NAME"
	// Fixtures of shares, share groups and replicas.
	EnvManilaShareTypeReplicatedID = "CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_REPLICATED_ID"
	EnvManilaShareTypeBronzeID     = "CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_BRONZE_ID"
	EnvManilaShareGroupTypeID      = "CONTINUITY_SANDBOX_MANILA_SHARE_GROUP_TYPE_ID"
	EnvManilaAvailabilityZones     = "CONTINUITY_SANDBOX_MANILA_AVAILABILITY_ZONES"
	EnvManilaSecurityServiceID     = "CONTINUITY_SANDBOX_MANILA_SECURITY_SERVICE_ID"
	// ManilaFailurePrefix starts the names of consistency groups whose
	// creation and deletion the sandbox makes fail.
	ManilaFailurePrefix = "sandbox-error"
)

// PreCheckManila is PreCheck for tests of the OpenStack Manila backend:
// against a real cloud it needs OS_AUTH_URL or OS_CLOUD.
func PreCheckManila(t *testing.T) {
	t.Helper()
	PreCheck(t)
	if !UseSandbox() && os.Getenv("OS_AUTH_URL") == "" && os.Getenv("OS_CLOUD") == "" {
		t.Skipf("%s=off and neither OS_AUTH_URL nor OS_CLOUD is set: skipping the test against a real Manila", EnvSandbox)
	}
}

// NewManilaClient builds a client for settings, on the provider's HTTP stack.
func NewManilaClient(t *testing.T, s manila.Settings) *manila.Client {
	t.Helper()
	r, err := s.Resolve()
	if err != nil {
		t.Fatal(err)
	}
	hc, err := transport.New(transport.Options{UserAgent: transport.UserAgent("acctest"), Insecure: r.Insecure, CAFile: r.CACertFile, SecretValues: r.Secrets})
	if err != nil {
		t.Fatal(err)
	}
	c, err := manila.NewClient(r, hc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// ManilaClient returns a client of the user the OS_* variables name, for
// tests that check or change objects behind Terraform's back.
func ManilaClient(t *testing.T) *manila.Client {
	t.Helper()
	PreCheckManila(t)
	return NewManilaClient(t, manila.SettingsFromEnv())
}

// ManilaAdminSettings returns the settings of the sandbox's admin (or of
// the admin a real cloud's CONTINUITY_SANDBOX_MANILA_ADMIN_* name).
func ManilaAdminSettings(t *testing.T) manila.Settings {
	t.Helper()
	PreCheckManila(t)
	s := manila.SettingsFromEnv()
	s.Cloud, s.ApplicationCredentialID, s.ApplicationCredentialSecret = "", "", ""
	s.UserName = SandboxEnv(t, EnvManilaAdminUsername)
	s.Password = SandboxEnv(t, EnvManilaAdminPassword)
	s.ProjectName = SandboxEnv(t, EnvManilaAdminProjectName)
	s.UserDomainName = SandboxEnv(t, EnvManilaAdminUserDomain)
	s.ProjectDomainName = SandboxEnv(t, EnvManilaAdminProjectDomain)
	return s
}

// ManilaAdminClient returns a client with the admin's credentials: it sees
// every project's consistency groups and may force-delete them.
func ManilaAdminClient(t *testing.T) *manila.Client {
	t.Helper()
	return NewManilaClient(t, ManilaAdminSettings(t))
}

// ManilaProviderConfig returns a provider block whose manila block holds
// the given settings explicitly, so that a test can use other credentials
// or another server than the environment's without changing it.
func ManilaProviderConfig(s manila.Settings) string {
	return fmt.Sprintf(`
provider "continuity" {
  manila {
    auth_url            = %q
    user_name           = %q
    password            = %q
    project_name        = %q
    user_domain_name    = %q
    project_domain_name = %q
    region              = %q
  }
}
`, s.AuthURL, s.UserName, s.Password, s.ProjectName, s.UserDomainName, s.ProjectDomainName, s.Region)
}

// ManilaSettingsFrom returns the ordinary user's settings of a sandbox
// started by StartSandbox.
func ManilaSettingsFrom(env map[string]string) manila.Settings {
	return manila.Settings{
		AuthURL: env["OS_AUTH_URL"], UserName: env["OS_USERNAME"], Password: env["OS_PASSWORD"], ProjectName: env["OS_PROJECT_NAME"],
		UserDomainName: env["OS_USER_DOMAIN_NAME"], ProjectDomainName: env["OS_PROJECT_DOMAIN_NAME"], Region: env["OS_REGION_NAME"],
	}
}

// ManilaAdminSettingsFrom returns the admin's settings of a sandbox
// started by StartSandbox.
func ManilaAdminSettingsFrom(env map[string]string) manila.Settings {
	s := ManilaSettingsFrom(env)
	s.UserName, s.Password = env[EnvManilaAdminUsername], env[EnvManilaAdminPassword]
	s.ProjectName, s.UserDomainName = env[EnvManilaAdminProjectName], env[EnvManilaAdminUserDomain]
	s.ProjectDomainName = env[EnvManilaAdminProjectDomain]
	return s
}

// ManilaReplicaAction runs an admin's action on a share replica
// (reset_replica_state, resync) and waits until the API shows the
// replica_state it leads to.
func ManilaReplicaAction(t *testing.T, admin *manila.Client, id, state string, action func(context.Context) error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := action(ctx); err != nil {
		t.Fatal(err)
	}
	for {
		r, err := admin.GetReplica(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if r.ReplicaState != nil && *r.ReplicaState == state {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("replica %s never became %s: %v", id, state, ctx.Err())
		case <-time.After(10 * time.Millisecond):
		}
	}
}
