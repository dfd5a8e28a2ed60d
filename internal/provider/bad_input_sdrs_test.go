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

var _ = rows("sdrs",
	badInput{name: "group: name with a space", attr: "name", config: group("my group", "")},
	badInput{name: "group: name of 65 bytes", attr: "name", config: group(long("g", 65), "")},
	badInput{name: "group: name of 22 Chinese characters (66 bytes)", attr: "name", config: group(long("组", 22), "")},
	badInput{name: "group: empty name", attr: "name", config: group("", "")},
	badInput{name: "group: description with <", attr: "description", config: group("g", `description = "<b>"`)},
	badInput{name: "group: empty description", attr: "description", config: group("g", `description = ""`)},
	badInput{name: "group: description of 65 bytes", attr: "description", config: group("g", `description = "`+long("d", 65)+`"`)},
	badInput{name: "group: unknown dr_type", attr: "dr_type", config: group("g", `dr_type = "active-active"`)},
	badInput{name: "group: unknown priority_station", attr: "priority_station", config: group("g", `priority_station = "primary"`)},
	badInput{name: "group: created at the target site", attr: "priority_station", config: group("g", `priority_station = "target"`)},
	badInput{name: "group: created protected", attr: "enabled", config: group("g", `enabled = true`)},
	badInput{name: "group: same zone for both sites", attr: "target_availability_zone", config: `
resource "continuity_sdrs_protection_group" "bad" {
  name                     = "g"
  source_availability_zone = "cn-north-4a"
  target_availability_zone = "cn-north-4a"
  domain_id                = "` + uuidA + `"
  source_vpc_id            = "` + uuidB + `"
}`},
	badInput{name: "group: empty source zone", attr: "source_availability_zone", config: `
resource "continuity_sdrs_protection_group" "bad" {
  name                     = "g"
  source_availability_zone = ""
  target_availability_zone = "cn-north-4b"
  domain_id                = "` + uuidA + `"
  source_vpc_id            = "` + uuidB + `"
}`},
	badInput{name: "group: missing source_vpc_id", attr: "source_vpc_id", config: `
resource "continuity_sdrs_protection_group" "bad" {
  name                     = "g"
  source_availability_zone = "cn-north-4a"
  target_availability_zone = "cn-north-4b"
  domain_id                = "` + uuidA + `"
}`},

	badInput{name: "pair: name with a slash", attr: "name", config: pair("disk/1", "")},
	badInput{name: "pair: empty group_id", attr: "group_id", config: `
resource "continuity_sdrs_replication_pair" "bad" {
  name      = "p"
  group_id  = ""
  volume_id = "` + uuidB + `"
}`},
	badInput{name: "pair: description of 65 bytes", attr: "description", config: pair("p", `description = "`+long("d", 65)+`"`)},
	badInput{name: "pair: description with >", attr: "description", config: pair("p", `description = "a > b"`)},

	badInput{name: "data protection groups: unknown query_type", attr: "query_type", config: `
data "continuity_sdrs_protection_groups" "bad" {
  query_type = "broken"
}`},
	badInput{name: "data protection groups: empty name filter", attr: "name", config: `
data "continuity_sdrs_protection_groups" "bad" {
  name = ""
}`},
	badInput{name: "data domain: empty name", attr: "name", config: `
data "continuity_sdrs_domain" "bad" {
  name = ""
}`},
)
