package provider_test

import "fmt"

// group is an SDRS protection group with lines added; name may be
// overridden by them.
func group(name, lines string) string {
	return fmt.Sprintf(`
resource "continuity_sdrs_protection_group" "bad" {
  name                     = %q
  source_availability_zone = "cn-north-4a"
  target_availability_zone = "cn-north-4b"
  domain_id                = %q
  source_vpc_id            = %q
%s
}
`, name, uuidA, uuidB, lines)
}

func pair(name, lines string) string {
	return fmt.Sprintf(`
resource "continuity_sdrs_replication_pair" "bad" {
  name      = %q
  group_id  = %q
  volume_id = %q
%s
}
`, name, uuidA, uuidB, lines)
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
