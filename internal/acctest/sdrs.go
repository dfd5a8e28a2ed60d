package acctest

import (
	"os"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
	"github.com/continuity-dr/terraform-provider-continuity/internal/transport"
)

// Fixture variables of the SDRS tests: the sandbox exports them; against a
// real project, set them to a VPC and to disks of the domain's local AZ that
// the tests may replicate.
const (
	EnvSDRSVPCID     = "CONTINUITY_SANDBOX_SDRS_VPC_ID"
	EnvSDRSVolumeIDs = "CONTINUITY_SANDBOX_SDRS_VOLUME_IDS"
)

// PreCheckSDRS is PreCheck for tests of the Huawei Cloud SDRS backend.
func PreCheckSDRS(t *testing.T) {
	t.Helper()
	PreCheck(t, "HW_PROJECT_ID", "HW_ACCESS_KEY", "HW_SECRET_KEY")
	if !UseSandbox() && os.Getenv("HW_REGION_NAME") == "" && os.Getenv("HW_SDRS_ENDPOINT") == "" {
		t.Skipf("%s=off and neither HW_REGION_NAME nor HW_SDRS_ENDPOINT is set", EnvSandbox)
	}
}

// SDRSClient returns an SDRS client configured from the environment, for
// tests that check or change objects behind Terraform's back.
func SDRSClient(t *testing.T) *sdrs.Client {
	t.Helper()
	PreCheckSDRS(t)
	return newSDRSClient(t, sdrs.SettingsFromEnv())
}

// SDRSClientFor returns an SDRS client of the sandbox whose variables env
// holds (from StartSandbox).
func SDRSClientFor(t *testing.T, env map[string]string) *sdrs.Client {
	t.Helper()
	return newSDRSClient(t, sdrs.Settings{Region: env["HW_REGION_NAME"], ProjectID: env["HW_PROJECT_ID"],
		AccessKey: env["HW_ACCESS_KEY"], SecretKey: env["HW_SECRET_KEY"], Endpoint: env["HW_SDRS_ENDPOINT"]})
}

func newSDRSClient(t *testing.T, s sdrs.Settings) *sdrs.Client {
	t.Helper()
	hc, err := transport.New(transport.Options{SecretValues: []string{s.SecretKey}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := sdrs.NewClient(s, hc.Transport, transport.UserAgent("acctest"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// SDRSVolumeID returns the i-th fixture disk. Tests that run in parallel
// use different indexes, since a disk serves one replication pair at a
// time; against a real project the test is skipped when there are not
// enough disks (against the sandbox it fails).
func SDRSVolumeID(t *testing.T, i int) string {
	t.Helper()
	PreCheckSDRS(t)
	ids := strings.Split(SandboxEnv(t, EnvSDRSVolumeIDs), ",")
	if i >= len(ids) {
		if UseSandbox() {
			t.Fatalf("the sandbox exports %d disks in %s; this test needs disk #%d", len(ids), EnvSDRSVolumeIDs, i+1)
		}
		t.Skipf("%s has %d disks; this test needs disk #%d", EnvSDRSVolumeIDs, len(ids), i+1)
	}
	return strings.TrimSpace(ids[i])
}
