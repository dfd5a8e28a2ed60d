package acctest

import (
	"context"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
	"github.com/continuity-dr/terraform-provider-continuity/internal/transport"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
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

// SetSDRSSandboxFaults replaces the faults of the sandbox whose variables
// env holds (POST /_sandbox/faults at its SDRS endpoint), so that a test
// can set up calmly and then hold or break an operation ("" clears them).
func SetSDRSSandboxFaults(t testing.TB, env map[string]string, spec string) {
	t.Helper()
	res, err := http.Post(env["HW_SDRS_ENDPOINT"]+"/_sandbox/faults", "text/plain", strings.NewReader(spec))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(res.Body)
		t.Fatalf("POST /_sandbox/faults %q: HTTP %d %s", spec, res.StatusCode, body)
	}
}

// SDRSCreateGroup creates a protection group named name through the API,
// behind Terraform's back, between the active-active domain's two zones
// and in the fixture VPC of env, and returns its ID and its creation job's
// without waiting for the job.
func SDRSCreateGroup(t testing.TB, client *sdrs.Client, env map[string]string, name string) (id, jobID string) {
	t.Helper()
	ctx := context.Background()
	domains, err := client.ListDomains(ctx)
	if err != nil || len(domains) == 0 || domains[0].LocalReplicationCluster == nil || domains[0].RemoteReplicationCluster == nil {
		t.Fatalf("domains: %v, %v", domains, err)
	}
	d := domains[0]
	jobID, err = client.CreateGroup(ctx, model.CreateProtectionGroupRequestParams{Name: name,
		SourceAvailabilityZone: d.LocalReplicationCluster.AvailabilityZone, TargetAvailabilityZone: d.RemoteReplicationCluster.AvailabilityZone,
		DomainId: d.Id, SourceVpcId: env[EnvSDRSVPCID]})
	if err != nil {
		t.Fatal(err)
	}
	j, err := client.GetJob(ctx, jobID)
	if err != nil || j.Entities == nil || j.Entities.ServerGroupId == nil {
		t.Fatalf("job %s: %v, %v", jobID, j, err)
	}
	return *j.Entities.ServerGroupId, jobID
}
