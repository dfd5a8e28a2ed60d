package provider_test

var manilaBadInputs = []badInput{
	{name: "consistency group: empty name", attr: "name", config: `
resource "continuity_manila_consistency_group" "bad" {
  name = ""
}`},
	{name: "consistency group: name of 256 characters", attr: "name", config: `
resource "continuity_manila_consistency_group" "bad" {
  name = "` + long("n", 256) + `"
}`},
	{name: "consistency group: description of 256 characters", attr: "description", config: `
resource "continuity_manila_consistency_group" "bad" {
  name        = "cg"
  description = "` + long("d", 256) + `"
}`},
	{name: "consistency group: share type not an ID", attr: "share_types", config: `
resource "continuity_manila_consistency_group" "bad" {
  name           = "cg"
  share_types = ["gold"]
}`},
	{name: "consistency group: empty share type set", attr: "share_types", config: `
resource "continuity_manila_consistency_group" "bad" {
  name           = "cg"
  share_types = []
}`},
	{name: "consistency group: share network not an ID", attr: "share_network_id", config: `
resource "continuity_manila_consistency_group" "bad" {
  name             = "cg"
  share_network_id = "sn-default"
}`},
	{name: "consistency group: source snapshot not an ID", attr: "source_cgsnapshot_id", config: `
resource "continuity_manila_consistency_group" "bad" {
  name                 = "cg"
  source_cgsnapshot_id = "last-night"
}`},
	{name: "consistency group: share types with a source snapshot", attr: "source_cgsnapshot_id", config: `
resource "continuity_manila_consistency_group" "bad" {
  name                 = "cg"
  share_types       = ["` + uuidA + `"]
  source_cgsnapshot_id = "` + uuidB + `"
}`},
	{name: "consistency group snapshot: group not an ID", attr: "consistency_group_id", config: `
resource "continuity_manila_consistency_group_snapshot" "bad" {
  consistency_group_id = "cg-1"
}`},
	{name: "consistency group snapshot: name of 256 characters", attr: "name", config: `
resource "continuity_manila_consistency_group_snapshot" "bad" {
  consistency_group_id = "` + uuidA + `"
  name                 = "` + long("n", 256) + `"
}`},
	{name: "consistency group snapshot: description of 256 characters", attr: "description", config: `
resource "continuity_manila_consistency_group_snapshot" "bad" {
  consistency_group_id = "` + uuidA + `"
  description          = "` + long("d", 256) + `"
}`},
	{name: "consistency group: share network with a source snapshot", attr: "share_network_id", config: `
resource "continuity_manila_consistency_group" "bad" {
  share_network_id     = "` + uuidA + `"
  source_cgsnapshot_id = "` + uuidB + `"
}`},
	{name: "consistency group snapshot: empty name", attr: "name", config: `
resource "continuity_manila_consistency_group_snapshot" "bad" {
  consistency_group_id = "` + uuidA + `"
  name                 = ""
}`},
	{name: "data consistency group: neither id nor name", attr: "name", config: `data "continuity_manila_consistency_group" "bad" {}`},
	{name: "data share replicas: share not an ID", attr: "share_id", config: `
data "continuity_manila_share_replicas" "bad" {
  share_id = "wal-archive"
}`},
	{name: "data consistency group: id not a UUID", attr: "id", config: `
data "continuity_manila_consistency_group" "bad" {
  id = "cg-1"
}`},
	{name: "data consistency group: both id and name", attr: "name", config: `
data "continuity_manila_consistency_group" "bad" {
  id   = "` + uuidA + `"
  name = "cg"
}`},
	{name: "data consistency group: name of 256 characters", attr: "name", config: `
data "continuity_manila_consistency_group" "bad" {
  name = "` + long("n", 256) + `"
}`},
	{name: "data consistency groups: unknown status", attr: "status", config: `
data "continuity_manila_consistency_groups" "bad" {
  status = "active"
}`},
	{name: "data consistency groups: status in capitals", attr: "status", config: `
data "continuity_manila_consistency_groups" "bad" {
  status = "AVAILABLE"
}`},
	{name: "data consistency groups: empty name", attr: "name", config: `
data "continuity_manila_consistency_groups" "bad" {
  name = ""
}`},
	{name: "data share type: empty name", attr: "name", config: `
data "continuity_manila_share_type" "bad" {
  name = ""
}`},
	{name: "data share type: name of 256 characters", attr: "name", config: `
data "continuity_manila_share_type" "bad" {
  name = "` + long("t", 256) + `"
}`},
	{name: "data share network: name of 256 characters", attr: "name", config: `
data "continuity_manila_share_network" "bad" {
  name = "` + long("s", 256) + `"
}`},
	{name: "data share type: no name", attr: "name", config: `data "continuity_manila_share_type" "bad" {}`},
	{name: "data share network: empty name", attr: "name", config: `
data "continuity_manila_share_network" "bad" {
  name = ""
}`},
	{name: "share: empty name", attr: "name", config: `
resource "continuity_manila_share" "bad" {
  share_proto = "NFS"
  size        = 1
  name = ""
}`},
	{name: "share: name of 256 characters", attr: "name", config: `
resource "continuity_manila_share" "bad" {
  share_proto = "NFS"
  size        = 1
  name = "` + long("n", 256) + `"
}`},
	{name: "share: description of 256 characters", attr: "description", config: `
resource "continuity_manila_share" "bad" {
  share_proto = "NFS"
  size        = 1
  description = "` + long("d", 256) + `"
}`},
	{name: "share: protocol in lower case", attr: "share_proto", config: `
resource "continuity_manila_share" "bad" {
  share_proto = "nfs"
  size        = 1
}`},
	{name: "share: unknown protocol", attr: "share_proto", config: `
resource "continuity_manila_share" "bad" {
  share_proto = "AFS"
  size        = 1
}`},
	{name: "share: size 0", attr: "size", config: `
resource "continuity_manila_share" "bad" {
  share_proto = "NFS"
  size        = 0
}`},
	{name: "share: share_type_id not an ID", attr: "share_type_id", config: `
resource "continuity_manila_share" "bad" {
  share_proto = "NFS"
  size        = 1
  share_type_id = "gold"
}`},
	{name: "share: share_network_id not an ID", attr: "share_network_id", config: `
resource "continuity_manila_share" "bad" {
  share_proto = "NFS"
  size        = 1
  share_network_id = "sn-default"
}`},
	{name: "share: snapshot_id not an ID", attr: "snapshot_id", config: `
resource "continuity_manila_share" "bad" {
  share_proto = "NFS"
  size        = 1
  snapshot_id = "last-night"
}`},
	{name: "share: share_group_id not an ID", attr: "share_group_id", config: `
resource "continuity_manila_share" "bad" {
  share_proto = "NFS"
  size        = 1
  share_group_id = "db"
}`},
	{name: "share: consistency_group_id not an ID", attr: "consistency_group_id", config: `
resource "continuity_manila_share" "bad" {
  share_proto = "NFS"
  size        = 1
  consistency_group_id = "db"
}`},
	{name: "share: revert_to_snapshot_id not an ID", attr: "revert_to_snapshot_id", config: `
resource "continuity_manila_share" "bad" {
  share_proto = "NFS"
  size        = 1
  revert_to_snapshot_id = "latest"
}`},
	{name: "share: empty availability zone", attr: "availability_zone", config: `
resource "continuity_manila_share" "bad" {
  share_proto = "NFS"
  size        = 1
  availability_zone = ""
}`},
	{name: "share: empty metadata key", attr: "metadata", config: `
resource "continuity_manila_share" "bad" {
  share_proto = "NFS"
  size        = 1
  metadata = { "" = "x" }
}`},
	{name: "share: metadata value of 1024 characters", attr: "metadata", config: `
resource "continuity_manila_share" "bad" {
  share_proto = "NFS"
  size        = 1
  metadata = { app = "` + long("v", 1024) + `" }
}`},
	{name: "share: both groups", attr: "share_group_id", config: `
resource "continuity_manila_share" "bad" {
  share_proto = "NFS"
  size        = 1
  share_group_id       = "` + uuidA + `"
  consistency_group_id = "` + uuidB + `"
}`},
	{name: "share snapshot: share not an ID", attr: "share_id", config: `
resource "continuity_manila_share_snapshot" "bad" {
  share_id = "db"
}`},
	{name: "share snapshot: empty name", attr: "name", config: `
resource "continuity_manila_share_snapshot" "bad" {
  share_id = "` + uuidA + `"
  name = ""
}`},
	{name: "share snapshot: name of 256 characters", attr: "name", config: `
resource "continuity_manila_share_snapshot" "bad" {
  share_id = "` + uuidA + `"
  name = "` + long("n", 256) + `"
}`},
	{name: "share snapshot: empty description", attr: "description", config: `
resource "continuity_manila_share_snapshot" "bad" {
  share_id = "` + uuidA + `"
  description = ""
}`},
	{name: "share group: empty name", attr: "name", config: `
resource "continuity_manila_share_group" "bad" {
  name = ""
}`},
	{name: "share group: empty share type set", attr: "share_types", config: `
resource "continuity_manila_share_group" "bad" {
  share_types = []
}`},
	{name: "share group: share type not an ID", attr: "share_types", config: `
resource "continuity_manila_share_group" "bad" {
  share_types = ["gold"]
}`},
	{name: "share group: group type not an ID", attr: "share_group_type_id", config: `
resource "continuity_manila_share_group" "bad" {
  share_group_type_id = "default"
}`},
	{name: "share group: share network not an ID", attr: "share_network_id", config: `
resource "continuity_manila_share_group" "bad" {
  share_network_id = "sn-default"
}`},
	{name: "share group: source not an ID", attr: "source_share_group_snapshot_id", config: `
resource "continuity_manila_share_group" "bad" {
  source_share_group_snapshot_id = "nightly"
}`},
	{name: "share group: share types with a source", attr: "source_share_group_snapshot_id", config: `
resource "continuity_manila_share_group" "bad" {
  share_types                    = ["` + uuidA + `"]
  source_share_group_snapshot_id = "` + uuidB + `"
}`},
	{name: "share group: share network with a source", attr: "share_network_id", config: `
resource "continuity_manila_share_group" "bad" {
  share_network_id               = "` + uuidA + `"
  source_share_group_snapshot_id = "` + uuidB + `"
}`},
	{name: "share group: zone with a source", attr: "availability_zone", config: `
resource "continuity_manila_share_group" "bad" {
  availability_zone              = "nova"
  source_share_group_snapshot_id = "` + uuidB + `"
}`},
	{name: "share group: description of 256 characters", attr: "description", config: `
resource "continuity_manila_share_group" "bad" {
  description = "` + long("d", 256) + `"
}`},
	{name: "share group snapshot: group not an ID", attr: "share_group_id", config: `
resource "continuity_manila_share_group_snapshot" "bad" {
  share_group_id = "db"
}`},
	{name: "share group snapshot: empty name", attr: "name", config: `
resource "continuity_manila_share_group_snapshot" "bad" {
  share_group_id = "` + uuidA + `"
  name           = ""
}`},
	{name: "share replica: share not an ID", attr: "share_id", config: `
resource "continuity_manila_share_replica" "bad" {
  share_id = "archive"
}`},
	{name: "share replica: share network not an ID", attr: "share_network_id", config: `
resource "continuity_manila_share_replica" "bad" {
  share_id = "` + uuidA + `"
  share_network_id = "sn-default"
}`},
	{name: "share replica: empty zone", attr: "availability_zone", config: `
resource "continuity_manila_share_replica" "bad" {
  share_id = "` + uuidA + `"
  availability_zone = ""
}`},
	{name: "data share: neither id nor name", attr: "name", config: `data "continuity_manila_share" "bad" {}`},
	{name: "data share: id not a UUID", attr: "id", config: `
data "continuity_manila_share" "bad" {
  id = "db"
}`},
	{name: "data share: both id and name", attr: "name", config: `
data "continuity_manila_share" "bad" {
  id   = "` + uuidA + `"
  name = "db"
}`},
	{name: "data shares: group not an ID", attr: "share_group_id", config: `
data "continuity_manila_shares" "bad" {
  share_group_id = "db"
}`},
	{name: "data shares: empty name", attr: "name", config: `
data "continuity_manila_shares" "bad" {
  name = ""
}`},
	{name: "data shares: empty metadata key", attr: "metadata", config: `
data "continuity_manila_shares" "bad" {
  metadata = { "" = "1" }
}`},
	{name: "data share group: neither id nor name", attr: "name", config: `data "continuity_manila_share_group" "bad" {}`},
	{name: "data share group: id not a UUID", attr: "id", config: `
data "continuity_manila_share_group" "bad" {
  id = "db"
}`},
	{name: "data share groups: unknown status", attr: "status", config: `
data "continuity_manila_share_groups" "bad" {
  status = "broken"
}`},
	{name: "data share group type: both id and name", attr: "name", config: `
data "continuity_manila_share_group_type" "bad" {
  id   = "` + uuidA + `"
  name = "default"
}`},
	{name: "data share group type: id not a UUID", attr: "id", config: `
data "continuity_manila_share_group_type" "bad" {
  id = "default"
}`},
}
