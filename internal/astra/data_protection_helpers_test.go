package astra_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// Helpers of the data-protection tests: apps, credentials, buckets,
// snapshots and backups.

const (
	credentialAddr = "continuity_astra_cloud_credential.test"
	bucketAddr     = "continuity_astra_bucket.test"
	appAddr        = "continuity_astra_app.test"
	snapshotAddr   = "continuity_astra_snapshot.test"
	backupAddr     = "continuity_astra_backup.test"
)

// checkDataProtectionDestroyed checks that every app, credential, bucket,
// snapshot and backup of the state is gone.
func checkDataProtectionDestroyed(t *testing.T) resource.TestCheckFunc {
	client := acctest.AstraClient(t)
	return func(s *terraform.State) error {
		ctx := context.Background()
		for _, rs := range s.RootModule().Resources {
			var err error
			appID := rs.Primary.Attributes["app_id"]
			switch rs.Type {
			case "continuity_astra_app":
				_, err = client.GetApp(ctx, rs.Primary.ID)
			case "continuity_astra_cloud_credential":
				_, err = client.GetCredential(ctx, rs.Primary.ID)
			case "continuity_astra_bucket":
				_, err = client.GetBucket(ctx, rs.Primary.ID)
			case "continuity_astra_snapshot":
				_, err = client.GetSnapshot(ctx, appID, rs.Primary.ID)
			case "continuity_astra_backup":
				_, err = client.GetBackup(ctx, appID, rs.Primary.ID)
			default:
				continue
			}
			if err == nil {
				return fmt.Errorf("%s %s still exists", rs.Type, rs.Primary.ID)
			}
			if !apierr.IsNotFound(err) {
				return err
			}
		}
		return nil
	}
}

// appScopedImportID returns <app_id>/<id> of the resource at addr.
func appScopedImportID(addr string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return "", fmt.Errorf("%s not in state", addr)
		}
		return rs.Primary.Attributes["app_id"] + "/" + rs.Primary.ID, nil
	}
}

// credentialConfig is an S3 credential "test" named name whose secret is
// secret, key store version version, with extra attribute lines.
func credentialConfig(name, secret string, version int, extra ...string) string {
	return fmt.Sprintf(`
resource "continuity_astra_cloud_credential" "test" {
  name                 = %q
  key_type             = "s3"
  key_store_wo         = { accessKey = "AKIASANDBOX", accessSecret = %q }
  key_store_wo_version = %d
%s
}
`, name, secret, version, strings.Join(extra, "\n"))
}

// bucketConfig is a credential and a generic-s3 bucket "test" of it.
func bucketConfig(name string) string {
	return credentialConfig(name, "s3cr3t-"+name, 1) + fmt.Sprintf(`
resource "continuity_astra_bucket" "test" {
  name          = %q
  object_store  = "generic-s3"
  credential_id = continuity_astra_cloud_credential.test.id
  bucket_name   = %q
  server_url    = "s3.example.com"
}
`, name, name)
}

// managedAppConfig is a continuity_astra_app "test" that manages the
// namespace ns of the east cluster, with extra attribute lines.
func managedAppConfig(t *testing.T, name, ns string, extra ...string) string {
	return fmt.Sprintf(`
resource "continuity_astra_app" "test" {
  name       = %q
  cluster_id = %q
  namespace_scoped_resources = [{ namespace = %q }]
%s
}
`, name, acctest.SandboxEnv(t, acctest.EnvAstraClusterEastID), ns, strings.Join(extra, "\n"))
}

// waitAppGone waits until the app id is no longer managed.
func waitAppGone(t *testing.T, id string) {
	t.Helper()
	client := acctest.AstraClient(t)
	waitGone(t, "app "+id, func(ctx context.Context) error { _, err := client.GetApp(ctx, id); return err })
}

// waitGone waits until get answers not found, after a deletion made
// through the API.
func waitGone(t *testing.T, what string, get func(ctx context.Context) error) {
	t.Helper()
	if err := wait.UntilGone(context.Background(), "", what+" to be deleted", get); err != nil {
		t.Fatal(err)
	}
}

// captureAttr stores an attribute of the resource at addr in *v.
func captureAttr(addr, name string, v *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		*v = rs.Primary.Attributes[name]
		return nil
	}
}

// sameAttr checks that an attribute of the resource at addr is *v.
func sameAttr(addr, name string, v *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		if got := rs.Primary.Attributes[name]; got != *v {
			return fmt.Errorf("%s.%s = %s, want %s", addr, name, got, *v)
		}
		return nil
	}
}

// hookRunsOf counts the hook runs of the sandbox s in the app appID, by
// "<stage>-<action>".
func hookRunsOf(t *testing.T, s faultySandbox, appID string) map[string]int {
	t.Helper()
	var out struct {
		HookRuns []struct {
			Stage, Action, State string
		} `json:"hookRuns"`
	}
	if err := getJSON(s.env["ASTRA_ENDPOINT"]+"/_sandbox/astra/hookRuns?appID="+appID, &out); err != nil {
		t.Fatal(err)
	}
	runs := map[string]int{}
	for _, r := range out.HookRuns {
		runs[r.Stage+"-"+r.Action]++
		if r.State != "succeeded" {
			runs["failed"]++
		}
	}
	return runs
}

// joinLines joins attribute lines.
func joinLines(lines []string) string { return strings.Join(lines, "\n") }

// interruptAfter returns a context that is cancelled once the sandbox s
// has served n more requests of route than now: the operation has sent its
// request and is waiting (Terraform's Ctrl-C cancels the provider's
// context).
func interruptAfter(t *testing.T, s faultySandbox, route string, n int64) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	base := s.requests(t, route)
	go func() {
		defer cancel()
		for {
			// The goroutine must not stop the test: read the metrics
			// without the helpers that fail it.
			if got, ok := metricsRequests(s, route); ok && got >= base+n {
				return
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return ctx
}
