package provider_test

import (
	"fmt"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// manilaChange is the configuration of TestAccBadChange_manila: a group of
// the gold type (which handles no share servers) with a snapshot, the
// group's creation attributes replaced by groupLines and the snapshot's
// group by snapshotGroup.
func manilaChange(groupLines, snapshotGroup string) string {
	return fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
data "continuity_manila_share_type" "default" {
  name = "default"
}
data "continuity_manila_share_network" "default" {
  name = "sn-default"
}
resource "continuity_manila_consistency_group" "change" {
  name = "bad-change"
%s
}
resource "continuity_manila_consistency_group_snapshot" "change" {
  consistency_group_id = %s
}
`, groupLines, snapshotGroup)
}

const (
	goldTypes  = `share_types = [data.continuity_manila_share_type.gold.id]`
	ownGroup   = `continuity_manila_consistency_group.change.id`
	otherGroup = `"` + uuidB + `"`
)

// manilaBadChanges are changes of an existing group or snapshot that
// replace it with one Manila would refuse: Terraform would destroy the
// group (or snapshot) and then fail to create the new one. They are
// refused at plan time, naming the attribute.
var manilaBadChanges = []badInput{
	{name: "share types that handle share servers, without a share network", attr: "share_network_id", want: "driver_handles_share_servers",
		config: manilaChange(`share_types = [data.continuity_manila_share_type.default.id]`, ownGroup)},
	{name: "a share network for share types that handle none", attr: "share_network_id", want: "driver_handles_share_servers",
		config: manilaChange(goldTypes+"\nshare_network_id = data.continuity_manila_share_network.default.id", ownGroup)},
	{name: "an unknown share type", attr: "share_types", want: uuidA,
		config: manilaChange(`share_types = ["`+uuidA+`"]`, ownGroup)},
	{name: "share types that disagree on share servers", attr: "share_types", want: "disagree",
		config: manilaChange(`share_types = [data.continuity_manila_share_type.gold.id, data.continuity_manila_share_type.default.id]`, ownGroup)},
	{name: "an unknown share network", attr: "share_network_id", want: "does not name",
		config: manilaChange(`share_types = [data.continuity_manila_share_type.default.id]`+"\n"+`share_network_id = "`+uuidA+`"`, ownGroup)},
	{name: "an unknown source snapshot", attr: "source_cgsnapshot_id", want: "does not name",
		config: manilaChange(`source_cgsnapshot_id = "`+uuidA+`"`, ownGroup)},
	{name: "the snapshot moved to an unknown group", attr: "consistency_group_id", want: "does not name",
		config: manilaChange(goldTypes, otherGroup)},
}

// Impossible changes of an existing Manila group and snapshot are refused
// at plan time, naming the attribute, and make no mutating call.
func TestAccBadChange_manila(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	provider := acctest.ProviderBlock(env)
	guard := newMutationGuard(t, env)
	setup := provider + manilaChange(goldTypes, ownGroup)
	steps := []resource.TestStep{{Config: setup, Check: guard.Record}}
	for _, row := range manilaBadChanges {
		steps = append(steps, resource.TestStep{Config: provider + row.config, PlanOnly: true, ExpectError: namesAttribute(row)})
	}
	steps = append(steps, resource.TestStep{Config: setup, Check: guard.Unchanged})
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    steps,
	})
}

// manilaShareChange is the configuration of TestAccBadChange_manilaShares,
// on a modern Manila: a share group with a share, snapshots of both, a
// bronze share, and a replicated share with a replica; groupLines, snapshotShare,
// groupSnapshotGroup, replicaShare and shareLines change them.
func manilaShareChange(groupLines, snapshotShare, groupSnapshotGroup, replicaShare, shareLines string) string {
	return fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
data "continuity_manila_share_type" "default" {
  name = "default"
}
data "continuity_manila_share_type" "bronze" {
  name = "bronze"
}
data "continuity_manila_share_type" "replicated" {
  name = "replicated"
}
resource "continuity_manila_share_group" "change" {
  name = "bad-change"
%s
}
resource "continuity_manila_share" "member" {
  share_proto    = "NFS"
  size           = 1
  share_type_id  = data.continuity_manila_share_type.gold.id
  share_group_id = continuity_manila_share_group.change.id
%s
}
resource "continuity_manila_share" "bronze" {
  share_proto   = "NFS"
  size          = 1
  share_type_id = data.continuity_manila_share_type.bronze.id
}
resource "continuity_manila_share_snapshot" "change" {
  share_id = %s
}
resource "continuity_manila_share_group_snapshot" "change" {
  share_group_id = %s
  depends_on     = [continuity_manila_share.member]
}
resource "continuity_manila_share" "archive" {
  share_proto   = "NFS"
  size          = 1
  share_type_id = data.continuity_manila_share_type.replicated.id
}
resource "continuity_manila_share_replica" "change" {
  share_id          = %s
  availability_zone = "nova-dr"
}
`, groupLines, shareLines, snapshotShare, groupSnapshotGroup, replicaShare)
}

const (
	goldGroup    = `share_types = [data.continuity_manila_share_type.gold.id]`
	memberShare  = `continuity_manila_share.member.id`
	ownShareGrp  = `continuity_manila_share_group.change.id`
	archiveShare = `continuity_manila_share.archive.id`
)

// manilaShareBadChanges are changes of existing share objects that Manila
// would refuse: a replacement that would destroy the object and then fail
// to create the new one, a snapshot or replica Manila would not make, a
// revert it would refuse. They are refused at plan time, naming the attribute.
var manilaShareBadChanges = []badInput{
	{name: "a group of share types that handle share servers, without a network", attr: "share_network_id", want: "driver_handles_share_servers",
		config: manilaShareChange(`share_types = [data.continuity_manila_share_type.default.id]`, memberShare, ownShareGrp, archiveShare, "")},
	{name: "a group of an unknown share type", attr: "share_types", want: uuidA,
		config: manilaShareChange(`share_types = ["`+uuidA+`"]`, memberShare, ownShareGrp, archiveShare, "")},
	{name: "a group of a share type its group type lacks", attr: "share_types", want: "among the group type's",
		config: manilaShareChange(`share_types = [data.continuity_manila_share_type.bronze.id]`, memberShare, ownShareGrp, archiveShare, "")},
	{name: "a group restored from an unknown snapshot", attr: "source_share_group_snapshot_id", want: "does not name",
		config: manilaShareChange(`source_share_group_snapshot_id = "`+uuidA+`"`, memberShare, ownShareGrp, archiveShare, "")},
	{name: "the group snapshot moved to an unknown group", attr: "share_group_id", want: "does not name",
		config: manilaShareChange(goldGroup, memberShare, `"`+uuidB+`"`, archiveShare, "")},
	{name: "the snapshot moved to a share without snapshots", attr: "share_id", want: "snapshot_support",
		config: manilaShareChange(goldGroup, `continuity_manila_share.bronze.id`, ownShareGrp, archiveShare, "")},
	{name: "the replica moved to a share in a group", attr: "share_id", want: "replication_type",
		config: manilaShareChange(goldGroup, memberShare, ownShareGrp, memberShare, "")},
	{name: "a revert to an unknown snapshot", attr: "revert_to_snapshot_id", want: "no share snapshot",
		config: manilaShareChange(goldGroup, memberShare, ownShareGrp, archiveShare, `revert_to_snapshot_id = "`+uuidA+`"`)},
}

// Impossible changes of existing share objects are refused at plan time,
// naming the attribute, and make no mutating call.
func TestAccBadChange_manilaShares(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{ManilaModern: true})
	provider := acctest.ProviderBlock(env)
	guard := newMutationGuard(t, env)
	setup := provider + manilaShareChange(goldGroup, memberShare, ownShareGrp, archiveShare, "")
	steps := []resource.TestStep{{Config: setup, Check: guard.Record}}
	for _, row := range manilaShareBadChanges {
		steps = append(steps, resource.TestStep{Config: provider + row.config, PlanOnly: true, ExpectError: namesAttribute(row)})
	}
	steps = append(steps, resource.TestStep{Config: setup, Check: guard.Unchanged})
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    steps,
	})
}
