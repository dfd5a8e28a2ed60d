package manila_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The data sources of shares and share groups: every filter filters, an
// empty result is an empty list, every page is read (a page size of one),
// and lookups that find none or several fail readably. The test is not
// parallel: it changes the package's page size.
func TestAccShareDataSources(t *testing.T) {
	r := startRelease(t, sandbox.Options{ManilaModern: true})
	ctx := context.Background()
	gold := acctest.SandboxEnv(t, acctest.EnvManilaShareTypeGoldID)
	name := acctest.RandomName("tf-acc-ds")
	group, err := r.user.CreateShareGroup(ctx, manila.ShareGroupCreate{Name: &name, ShareTypes: []string{gold}})
	if err != nil {
		t.Fatal(err)
	}
	waitStatus(t, group.ID, "available", r.user.GetShareGroup, func(g *manila.ShareGroup) string { return g.Status })
	for i, n := range []string{name + "-a", name + "-b", name + "-dup", name + "-dup"} {
		in := manila.ShareCreate{Name: n, ShareProto: "NFS", Size: 1, ShareTypeID: gold, Metadata: map[string]string{"tier": []string{"1", "2", "2", "2"}[i]}}
		if i == 0 {
			in.ShareGroupID = group.ID
		}
		s, err := r.user.CreateShare(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		waitStatus(t, s.ID, "available", r.user.GetShare, shareStatus)
	}
	manila.SetPageSize(t, 1)
	shares := "data.continuity_manila_shares."
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: r.provider + `
data "continuity_manila_share_group_type" "default" {}
data "continuity_manila_share_group_type" "consistent" {
  name = "consistent"
}
data "continuity_manila_share_group_type" "by_id" {
  id = data.continuity_manila_share_group_type.consistent.id
}
data "continuity_manila_share_group" "by_name" {
  name = "` + name + `"
}
data "continuity_manila_share_groups" "all" {}
data "continuity_manila_share_groups" "none" {
  status = "error"
}
data "continuity_manila_shares" "all" {}
data "continuity_manila_shares" "in_group" {
  share_group_id = data.continuity_manila_share_group.by_name.id
}
data "continuity_manila_shares" "tier2" {
  metadata = { tier = "2" }
}
data "continuity_manila_shares" "none" {
  name = "no-such-share"
}
data "continuity_manila_share" "b" {
  name = "` + name + `-b"
}
data "continuity_manila_share" "by_id" {
  id = data.continuity_manila_share.b.id
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.continuity_manila_share_group_type.default", tfjsonpath.New("id"),
						knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvManilaShareGroupTypeID))),
					statecheck.ExpectKnownValue("data.continuity_manila_share_group_type.default", tfjsonpath.New("is_default"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("data.continuity_manila_share_group_type.default", tfjsonpath.New("share_types"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue("data.continuity_manila_share_group_type.by_id", tfjsonpath.New("group_specs"),
						knownvalue.MapExact(map[string]knownvalue.Check{"consistent_snapshot_support": knownvalue.StringExact("host")})),
					statecheck.ExpectKnownValue("data.continuity_manila_share_group_type.by_id", tfjsonpath.New("is_default"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue("data.continuity_manila_share_group.by_name", tfjsonpath.New("id"), knownvalue.StringExact(group.ID)),
					statecheck.ExpectKnownValue("data.continuity_manila_share_groups.all", tfjsonpath.New("ids"), knownvalue.ListExact(
						[]knownvalue.Check{knownvalue.StringExact(group.ID)})),
					statecheck.ExpectKnownValue("data.continuity_manila_share_groups.none", tfjsonpath.New("share_groups"), knownvalue.ListExact([]knownvalue.Check{})),
					statecheck.ExpectKnownValue(shares+"all", tfjsonpath.New("ids"), knownvalue.ListSizeExact(4)),
					statecheck.ExpectKnownValue(shares+"in_group", tfjsonpath.New("shares"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue(shares+"in_group", tfjsonpath.New("shares").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact(name+"-a")),
					statecheck.ExpectKnownValue(shares+"tier2", tfjsonpath.New("ids"), knownvalue.ListSizeExact(3)),
					statecheck.ExpectKnownValue(shares+"none", tfjsonpath.New("shares"), knownvalue.ListExact([]knownvalue.Check{})),
					statecheck.ExpectKnownValue("data.continuity_manila_share.by_id", tfjsonpath.New("name"), knownvalue.StringExact(name+"-b")),
					statecheck.ExpectKnownValue("data.continuity_manila_share.b", tfjsonpath.New("export_locations"), knownvalue.ListSizeExact(1)),
				},
			},
			{
				Config:      r.provider + `data "continuity_manila_share" "dup" { name = "` + name + `-dup" }`,
				ExpectError: regexp.MustCompile(`(?s)Several shares match.*2 shares are named`),
			},
			{
				Config:      r.provider + `data "continuity_manila_share_group" "gone" { name = "no-such-group" }`,
				ExpectError: regexp.MustCompile(`(?s)Share group not found.*No share group of the project is named "no-such-group"`),
			},
			{
				Config:      r.provider + `data "continuity_manila_share_group_type" "gone" { name = "platinum" }`,
				ExpectError: regexp.MustCompile(`(?s)Share group type not found`),
			},
		},
	})
}

// On Newton the share group data sources say which version they need.
func TestAccShareGroupDataSources_newton(t *testing.T) {
	r := startRelease(t, sandbox.Options{})
	expectErrors(t, map[string]failing{
		"group type": {config: r.provider + `data "continuity_manila_share_group_type" "default" {}`,
			want: `(?s)Share\s+groups\s+need\s+microversion\s+2\.31\s+or\s+later`},
		"groups": {config: r.provider + `data "continuity_manila_share_groups" "all" {}`, want: `(?s)Share\s+groups\s+need\s+microversion\s+2\.31`},
		"shares of a share group": {config: r.provider + `data "continuity_manila_shares" "g" {
  share_group_id = "6f519a48-3183-46cf-a32f-41815f813986"
}`, want: `(?s)share_group_id.*Share\s+groups\s+need\s+microversion\s+2\.31`},
	})
}
