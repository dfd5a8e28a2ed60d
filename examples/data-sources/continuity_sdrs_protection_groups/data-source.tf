# Every protection group whose protection is stopped.
data "continuity_sdrs_protection_groups" "unprotected" {
  query_type = "stop_protected"
}

# Groups named like "erp" currently in production in a given zone.
data "continuity_sdrs_protection_groups" "erp" {
  name              = "erp"
  availability_zone = "cn-north-4a"
}

output "unprotected_groups" {
  value = [for g in data.continuity_sdrs_protection_groups.unprotected.protection_groups : g.name]
}
