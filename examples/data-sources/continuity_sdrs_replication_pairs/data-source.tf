variable "protection_group_id" {
  type        = string
  description = "ID of a protection group, e.g. continuity_sdrs_protection_group.erp.id."
}

# The replication pairs of one protection group.
data "continuity_sdrs_replication_pairs" "erp" {
  server_group_id = var.protection_group_id
}

# Every pair of the project whose synchronisation is abnormal.
data "continuity_sdrs_replication_pairs" "abnormal" {
  query_type = "status_abnormal"
}

output "erp_disks" {
  value = { for p in data.continuity_sdrs_replication_pairs.erp.replication_pairs : p.volume_id => p.target_volume_id }
}

output "abnormal_pairs" {
  value = [for p in data.continuity_sdrs_replication_pairs.abnormal.replication_pairs : "${p.name}: ${p.status}"]
}

# Warn on every plan when a pair of the group does not replicate.
check "erp_replicated" {
  assert {
    condition     = alltrue([for p in data.continuity_sdrs_replication_pairs.erp.replication_pairs : p.healthy])
    error_message = "Not replicating: ${join(", ", [for p in data.continuity_sdrs_replication_pairs.erp.replication_pairs : p.name if !p.healthy])}."
  }
}
