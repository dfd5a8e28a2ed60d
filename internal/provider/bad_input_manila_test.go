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
}
