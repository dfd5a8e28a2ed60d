package provider_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
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

// Impossible changes of protected servers and of a failed-over group are
// refused at plan time, naming the attribute, without a mutating call:
// a failover of a group that is not protected; NICs and flavors of an
// instance whose group runs after a failover; a planned failover or
// disabling protection while failed over; a re-protection while the
// servers that would be the DR site run; a smaller replication pair.
func TestAccBadChange_sdrsProtectedServers(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	server := strings.Split(env[acctest.EnvSDRSServerIDs], ",")[0]
	subnet := env[acctest.EnvSDRSSubnetID]
	flavor := strings.Split(env[acctest.EnvSDRSFlavors], ",")[1]
	config := func(groupLines, instanceLines, pairLines string) string {
		return acctest.ProviderBlock(env) + fmt.Sprintf(`
data "continuity_sdrs_domain" "d" {}

resource "continuity_sdrs_protection_group" "g" {
  name                     = "bad-change-servers"
  source_availability_zone = data.continuity_sdrs_domain.d.local_availability_zone
  target_availability_zone = data.continuity_sdrs_domain.d.remote_availability_zone
  domain_id                = data.continuity_sdrs_domain.d.id
  source_vpc_id            = %[1]q
%[2]s
}

resource "continuity_sdrs_protected_instance" "i" {
  name      = "bad-change-instance"
  group_id  = continuity_sdrs_protection_group.g.id
  server_id = %[3]q
%[4]s
}

resource "continuity_sdrs_replication_pair" "p" {
  name      = "bad-change-pair"
  group_id  = continuity_sdrs_protection_group.g.id
  volume_id = %[5]q
%[6]s
}
`, env[acctest.EnvSDRSVPCID], groupLines, server, instanceLines, strings.Split(env[acctest.EnvSDRSVolumeIDs], ",")[0], pairLines)
	}
	guard := newMutationGuard(t, env)
	refused := func(groupLines, instanceLines, pairLines, attr, want string) resource.TestStep {
		return resource.TestStep{
			Config:      config(groupLines, instanceLines, pairLines),
			PlanOnly:    true,
			ExpectError: namesAttribute(badInput{attr: attr, want: want}),
		}
	}
	const failed = "  enabled = true\n  failed_over = true"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config("", "", ""), Check: guard.Record},
			refused("  failed_over = true", "", "", "failed_over", `(?s)Cannot fail over.*in status\s+available`),
			{Config: config("  enabled = true", "", ""), Check: guard.Record},
			refused("  enabled = true", "", "  size = 5", "size", `(?s)Cannot shrink`),
			{Config: config(failed, "", "")},
			{
				// The production server, forced off by the failover, is
				// started again: a re-protection would make it the DR site.
				PreConfig: func() { acctest.SDRSSetServers(t, env, true, server) },
				Config:    config(failed, "", ""),
				Check:     guard.Record,
			},
			refused(failed, fmt.Sprintf(`  nics = [{ subnet_id = %q }]`, subnet), "", "nics", `(?s)in status failed-over`),
			refused(failed, fmt.Sprintf(`  target_server_flavor = %q`, flavor), "", "target_server_flavor", `(?s)in status failed-over`),
			refused(failed+"\n  priority_station = \"source\"", "", "", "priority_station", `(?s)planned failover of failed-over`),
			refused("  enabled = false\n  failed_over = true", "", "", "enabled", `(?s)needs enabled = true`),
			refused("  enabled = true", "", "", "failed_over", `(?s)Cannot re-protect.*servers of its DR site run`),
			{Config: config(failed, "", ""), Check: guard.Unchanged},
		},
	})
}
