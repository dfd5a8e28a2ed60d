package provider_test

import (
	"fmt"
	"strings"
)

// group is an SDRS protection group with lines added; name may be
// overridden by them.
func group(name, lines string) string { return groupOf(name, uuidA, uuidB, lines) }

// groupOf is group in the domain and the VPC given.
func groupOf(name, domain, vpc, lines string) string {
	return fmt.Sprintf(`
resource "continuity_sdrs_protection_group" "bad" {
  name                     = %q
  source_availability_zone = "cn-north-4a"
  target_availability_zone = "cn-north-4b"
  domain_id                = %q
  source_vpc_id            = %q
%s
}
`, name, domain, vpc, lines)
}

func pair(name, lines string) string { return pairOf(name, uuidA, uuidB, lines) }

// pairOf is pair of the group and on the disk given.
func pairOf(name, group, volume, lines string) string {
	return fmt.Sprintf(`
resource "continuity_sdrs_replication_pair" "bad" {
  name      = %q
  group_id  = %q
  volume_id = %q
%s
}
`, name, group, volume, lines)
}

var sdrsBadInputs = []badInput{
	{name: "group: name with a space", attr: "name", config: group("my group", "")},
	{name: "group: name of 65 bytes", attr: "name", config: group(long("g", 65), "")},
	{name: "group: name of 22 Chinese characters (66 bytes)", attr: "name", config: group(long("组", 22), "")},
	{name: "group: empty name", attr: "name", config: group("", "")},
	{name: "group: description with <", attr: "description", config: group("g", `description = "<b>"`)},
	{name: "group: empty description", attr: "description", config: group("g", `description = ""`)},
	{name: "group: description of 65 bytes", attr: "description", config: group("g", `description = "`+long("d", 65)+`"`)},
	{name: "group: unknown dr_type", attr: "dr_type", config: group("g", `dr_type = "active-active"`)},
	{name: "group: unknown priority_station", attr: "priority_station", config: group("g", `priority_station = "primary"`)},
	{name: "group: created at the target site", attr: "priority_station", config: group("g", `priority_station = "target"`)},
	{name: "group: created protected", attr: "enabled", config: group("g", `enabled = true`)},
	{name: "group: same zone for both sites", attr: "target_availability_zone", config: `
resource "continuity_sdrs_protection_group" "bad" {
  name                     = "g"
  source_availability_zone = "cn-north-4a"
  target_availability_zone = "cn-north-4a"
  domain_id                = "` + uuidA + `"
  source_vpc_id            = "` + uuidB + `"
}`},
	{name: "group: empty source zone", attr: "source_availability_zone", config: `
resource "continuity_sdrs_protection_group" "bad" {
  name                     = "g"
  source_availability_zone = ""
  target_availability_zone = "cn-north-4b"
  domain_id                = "` + uuidA + `"
  source_vpc_id            = "` + uuidB + `"
}`},
	{name: "group: missing source_vpc_id", attr: "source_vpc_id", config: `
resource "continuity_sdrs_protection_group" "bad" {
  name                     = "g"
  source_availability_zone = "cn-north-4a"
  target_availability_zone = "cn-north-4b"
  domain_id                = "` + uuidA + `"
}`},

	{name: "pair: name with a slash", attr: "name", config: pair("disk/1", "")},
	{name: "pair: empty group_id", attr: "group_id", config: `
resource "continuity_sdrs_replication_pair" "bad" {
  name      = "p"
  group_id  = ""
  volume_id = "` + uuidB + `"
}`},
	{name: "pair: description of 65 bytes", attr: "description", config: pair("p", `description = "`+long("d", 65)+`"`)},
	{name: "pair: description with >", attr: "description", config: pair("p", `description = "a > b"`)},

	{name: "group: domain_id not a UUID", attr: "domain_id", want: "UUID", config: groupOf("g", "SDRS_HypeDomain01", uuidB, "")},
	{name: "group: source_vpc_id not a UUID", attr: "source_vpc_id", want: "UUID", config: groupOf("g", uuidA, "vpc-sandbox", "")},
	{name: "group: source_vpc_id without dashes", attr: "source_vpc_id", want: "UUID", config: groupOf("g", uuidA, strings.ReplaceAll(uuidB, "-", ""), "")},
	{name: "pair: group_id not a UUID", attr: "group_id", want: "UUID", config: pairOf("p", "soak-group-0", uuidB, "")},
	{name: "pair: volume_id not a UUID", attr: "volume_id", want: "UUID", config: pairOf("p", uuidA, "disk-1", "")},
	{name: "pair: volume_id one digit short", attr: "volume_id", want: "UUID", config: pairOf("p", uuidA, uuidB[:len(uuidB)-1], "")},
	{name: "pair: empty name", attr: "name", config: pair("", "")},
	{name: "pair: name of 65 bytes", attr: "name", config: pair(long("p", 65), "")},
	{name: "pair: empty description", attr: "description", config: pair("p", `description = ""`)},

	{name: "data replication pairs: server_group_id not a UUID", attr: "server_group_id", want: "UUID", config: `
data "continuity_sdrs_replication_pairs" "bad" {
  server_group_id = "group-1"
}`},
	{name: "data replication pairs: a server_group_ids element not a UUID", attr: "server_group_ids", want: "UUID", config: `
data "continuity_sdrs_replication_pairs" "bad" {
  server_group_ids = ["` + uuidA + `", "group-2"]
}`},
	{name: "data replication pairs: protected_instance_id not a UUID", attr: "protected_instance_id", want: "UUID", config: `
data "continuity_sdrs_replication_pairs" "bad" {
  protected_instance_id = "ecs-1"
}`},
	{name: "data replication pairs: an empty protected_instance_ids element", attr: "protected_instance_ids", config: `
data "continuity_sdrs_replication_pairs" "bad" {
  protected_instance_ids = [""]
}`},
	{name: "data replication pairs: 31 server_group_ids", attr: "server_group_ids", config: `
data "continuity_sdrs_replication_pairs" "bad" {
  server_group_ids = [` + strings.TrimSuffix(strings.Repeat(`"`+uuidA+`", `, 31), ", ") + `]
}`},
	{name: "data replication pairs: server_group_id with server_group_ids", attr: "server_group_ids", config: `
data "continuity_sdrs_replication_pairs" "bad" {
  server_group_id  = "` + uuidA + `"
  server_group_ids = ["` + uuidB + `"]
}`},
	{name: "data replication pairs: a query_type of the groups' list", attr: "query_type", config: `
data "continuity_sdrs_replication_pairs" "bad" {
  query_type = "stop_protected"
}`},

	{name: "data protection groups: unknown query_type", attr: "query_type", config: `
data "continuity_sdrs_protection_groups" "bad" {
  query_type = "broken"
}`},
	{name: "data protection groups: empty name filter", attr: "name", config: `
data "continuity_sdrs_protection_groups" "bad" {
  name = ""
}`},
	{name: "data domain: empty name", attr: "name", config: `
data "continuity_sdrs_domain" "bad" {
  name = ""
}`},
}
