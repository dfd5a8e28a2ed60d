package provider_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// Impossible changes of existing SDRS protection groups are refused at
// plan time, naming the attribute, without a mutating call: protection
// enabled on, or a planned failover of, a group without replication pairs,
// and any protection change of a group whose creation failed (status
// error, in which SDRS allows no action).
func TestAccBadChange_sdrs(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	client := acctest.SDRSClientFor(t, env)
	// A group whose creation failed, made behind Terraform's back and
	// imported by the configuration.
	acctest.SetSDRSSandboxFaults(t, env, "fail=sdrs.protection_group.create")
	failed, jobID := acctest.SDRSCreateGroup(t, client, env, "bad-change-failed")
	var je *sdrs.JobError
	if _, err := client.WaitJob(context.Background(), jobID, "creating a group that fails", time.Minute); !errors.As(err, &je) {
		t.Fatalf("the creation job did not fail: %v", err)
	}
	acctest.SetSDRSSandboxFaults(t, env, "")

	config := func(bare, failedLines string) string {
		return acctest.ProviderBlock(env) + fmt.Sprintf(`
data "continuity_sdrs_domain" "d" {}

resource "continuity_sdrs_protection_group" "bare" {
  name                     = "bad-change-bare"
  source_availability_zone = data.continuity_sdrs_domain.d.local_availability_zone
  target_availability_zone = data.continuity_sdrs_domain.d.remote_availability_zone
  domain_id                = data.continuity_sdrs_domain.d.id
  source_vpc_id            = %[1]q
%[2]s
}

import {
  to = continuity_sdrs_protection_group.failed
  id = %[3]q
}

resource "continuity_sdrs_protection_group" "failed" {
  name                     = "bad-change-failed"
  source_availability_zone = data.continuity_sdrs_domain.d.local_availability_zone
  target_availability_zone = data.continuity_sdrs_domain.d.remote_availability_zone
  domain_id                = data.continuity_sdrs_domain.d.id
  source_vpc_id            = %[1]q
%[4]s
}
`, env[acctest.EnvSDRSVPCID], bare, failed, failedLines)
	}
	guard := newMutationGuard(t, env)
	refused := func(bare, failedLines, attr, want string) resource.TestStep {
		return resource.TestStep{
			Config:      config(bare, failedLines),
			PlanOnly:    true,
			ExpectError: namesAttribute(badInput{attr: attr, want: want}),
		}
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config("", ""), Check: guard.Record},
			refused("  enabled = true", "", "enabled", `(?s)Cannot enable protection of.*no replication pairs`),
			refused(`  priority_station = "target"`, "", "priority_station", `(?s)Cannot perform a planned failover.*no replication\s+pairs`),
			refused("", "  enabled = true", "enabled", `(?s)in status error.*creation failed`),
			refused("", `  priority_station = "target"`, "priority_station", `(?s)in status error.*creation failed`),
			{Config: config("", ""), Check: guard.Unchanged},
		},
	})
}
