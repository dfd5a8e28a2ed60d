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

// instance is an SDRS protected instance with lines added.
func instance(lines string) string {
	return fmt.Sprintf(`
resource "continuity_sdrs_protected_instance" "bad" {
  name      = "pi"
  group_id  = %q
  server_id = %q
%s
}
`, uuidA, uuidB, lines)
}

// attachment is an SDRS replication attachment at device.
func attachment(instanceID, pairID, device string) string {
	return fmt.Sprintf(`
resource "continuity_sdrs_replication_attachment" "bad" {
  instance_id    = %q
  replication_id = %q
  device         = %q
}
`, instanceID, pairID, device)
}

// drill is an SDRS DR drill with lines added.
func drill(name, lines string) string {
	return fmt.Sprintf(`
resource "continuity_sdrs_drill" "bad" {
  name     = %q
  group_id = %q
%s
}
`, name, uuidA, lines)
}

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

	{name: "group: created failed over", attr: "failed_over", config: group("g", `failed_over = true`)},

	{name: "instance: name with a space", attr: "name", config: strings.Replace(instance(""), `"pi"`, `"my instance"`, 1)},
	{name: "instance: server_id not a UUID", attr: "server_id", want: "UUID", config: strings.Replace(instance(""), uuidB, "ecs-1", 1)},
	{name: "instance: group_id not a UUID", attr: "group_id", want: "UUID", config: strings.Replace(instance(""), uuidA, "group-1", 1)},
	{name: "instance: description with <", attr: "description", config: instance(`description = "<b>"`)},
	{name: "instance: primary_subnet_id not a UUID", attr: "primary_subnet_id", want: "UUID", config: instance(`primary_subnet_id = "subnet-1"`)},
	{name: "instance: primary_ip_address without its subnet", attr: "primary_ip_address", config: instance(`primary_ip_address = "192.168.0.9"`)},
	{name: "instance: primary_ip_address not an IPv4", attr: "primary_ip_address", want: "IPv4",
		config: instance("primary_subnet_id = \"" + uuidA + "\"\n  primary_ip_address = \"fe80::1\"")},
	{name: "instance: server_flavor", attr: "server_flavor", want: "flavor", config: instance(`server_flavor = "4 vCPUs"`)},
	{name: "instance: target_server_flavor", attr: "target_server_flavor", want: "flavor", config: instance(`target_server_flavor = ""`)},
	{name: "instance: 21 tags", attr: "tags", config: instance("tags = {" + strings.Repeat("", 0) + tags(21) + "}")},
	{name: "instance: tag key with =", attr: "tags", config: instance(`tags = { "a=b" = "c" }`)},
	{name: "instance: tag key of 37 characters", attr: "tags", config: instance(`tags = { ` + long("k", 37) + ` = "v" }`)},
	{name: "instance: tag value with a control character", attr: "tags", config: instance(`tags = { a = "\u0007" }`)},
	{name: "instance: delete_target_eip without the server", attr: "delete_target_eip", config: instance(`delete_target_eip = true`)},
	{name: "instance: 12 NICs", attr: "nics", config: instance("nics = [" + strings.TrimSuffix(strings.Repeat(`{ subnet_id = "`+uuidA+`" }, `, 12), ", ") + "]")},
	{name: "instance: a NIC without subnet", attr: "nics", want: "Missing subnet_id", config: instance(`nics = [{ ip_address = "192.168.0.9" }]`)},
	{name: "instance: a NIC's subnet not a UUID", attr: "nics", want: "UUID", config: instance(`nics = [{ subnet_id = "subnet-1" }]`)},
	{name: "instance: a NIC's address not an IPv4", attr: "nics", want: "IPv4", config: instance(`nics = [{ subnet_id = "` + uuidA + `", ip_address = "192.168.0.300" }]`)},
	{name: "instance: a NIC's security group not a UUID", attr: "nics", want: "UUID", config: instance(`nics = [{ subnet_id = "` + uuidA + `", security_group_ids = ["default"] }]`)},
	{name: "instance: a NIC without security groups", attr: "nics", config: instance(`nics = [{ subnet_id = "` + uuidA + `", security_group_ids = [] }]`)},

	{name: "attachment: device without /dev", attr: "device", config: attachment(uuidA, uuidB, "vdb")},
	{name: "attachment: device of another bus", attr: "device", config: attachment(uuidA, uuidB, "/dev/xvdb")},
	{name: "attachment: instance_id not a UUID", attr: "instance_id", want: "UUID", config: attachment("pi-1", uuidB, "/dev/vdb")},
	{name: "attachment: replication_id not a UUID", attr: "replication_id", want: "UUID", config: attachment(uuidA, "pair-1", "/dev/vdb")},

	{name: "drill: name with a slash", attr: "name", config: drill("drill/1", "")},
	{name: "drill: drill_vpc_id not a UUID", attr: "drill_vpc_id", want: "UUID", config: drill("d", `drill_vpc_id = "vpc-1"`)},
	{name: "drill: group_id not a UUID", attr: "group_id", want: "UUID", config: strings.Replace(drill("d", ""), uuidA, "g", 1)},

	{name: "pair: size 0", attr: "size", config: pair("p", `size = 0`)},
	{name: "pair: size over 32 TB", attr: "size", config: pair("p", `size = 32769`)},

	{name: "data protected instances: query_type", attr: "query_type", config: `
data "continuity_sdrs_protected_instances" "bad" {
  query_type = "stop_protected"
}`},
	{name: "data protected instances: server_group_id not a UUID", attr: "server_group_id", want: "UUID", config: `
data "continuity_sdrs_protected_instances" "bad" {
  server_group_id = "group-1"
}`},
	{name: "data protected instances: ids with a group", attr: "protected_instance_ids", config: `
data "continuity_sdrs_protected_instances" "bad" {
  server_group_id        = "` + uuidA + `"
  protected_instance_ids = ["` + uuidB + `"]
}`},
	{name: "data protected instances: 31 server_group_ids", attr: "server_group_ids", config: `
data "continuity_sdrs_protected_instances" "bad" {
  server_group_ids = [` + strings.TrimSuffix(strings.Repeat(`"`+uuidA+`", `, 31), ", ") + `]
}`},
	{name: "data drills: drill_vpc_id not a UUID", attr: "drill_vpc_id", want: "UUID", config: `
data "continuity_sdrs_drills" "bad" {
  drill_vpc_id = "vpc-1"
}`},
	{name: "data drills: empty name", attr: "name", config: `
data "continuity_sdrs_drills" "bad" {
  name = ""
}`},
	{name: "data RPO statistics: start_time in ISO 8601", attr: "start_time", config: `
data "continuity_sdrs_rpo_statistics" "bad" {
  start_time = "2026-01-21T01:15:00.000Z"
}`},
	{name: "data RPO statistics: end_time without milliseconds", attr: "end_time", config: `
data "continuity_sdrs_rpo_statistics" "bad" {
  end_time = "2026-01-21 01:15:00"
}`},
	{name: "data RPO statistics: resource_type", attr: "resource_type", config: `
data "continuity_sdrs_rpo_statistics" "bad" {
  resource_type = "replications"
}`},
	{name: "data failed jobs: failure_status", attr: "failure_status", config: `
data "continuity_sdrs_failed_jobs" "bad" {
  failure_status = "createFailed"
}`},
	{name: "data failed jobs: resource_type", attr: "resource_type", config: `
data "continuity_sdrs_failed_jobs" "bad" {
  resource_type = "protectedInstance"
}`},
	{name: "data failed jobs: server_group_id not a UUID", attr: "server_group_id", want: "UUID", config: `
data "continuity_sdrs_failed_jobs" "bad" {
  server_group_id = "g"
}`},
}

// tags returns n tags as HCL map entries.
func tags(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d = \"v\", ", i)
	}
	return strings.TrimSuffix(b.String(), ", ")
}
