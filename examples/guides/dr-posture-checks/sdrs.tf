# SDRS: every replication pair of the group replicates, and the group had
# a drill recently.
check "sdrs_replication" {
  data "continuity_sdrs_replication_pairs" "posture" {
    server_group_id = var.sdrs_protection_group_id
  }

  assert {
    condition     = length(data.continuity_sdrs_replication_pairs.posture.replication_pairs) > 0 && alltrue([for p in data.continuity_sdrs_replication_pairs.posture.replication_pairs : p.healthy])
    error_message = "Protection group ${var.sdrs_protection_group_id} does not replicate: ${length(data.continuity_sdrs_replication_pairs.posture.replication_pairs) == 0 ? "it has no replication pairs" : join(", ", [for p in data.continuity_sdrs_replication_pairs.posture.replication_pairs : "pair ${p.name} is ${p.status} (fault level ${coalesce(p.fault_level, "?")})" if !p.healthy])}."
  }
}

check "sdrs_drills" {
  data "continuity_sdrs_drills" "posture" {
    server_group_id = var.sdrs_protection_group_id
  }

  assert {
    condition     = anytrue([for d in data.continuity_sdrs_drills.posture.drills : d.age_seconds <= var.max_drill_age_days * 86400])
    error_message = "Protection group ${var.sdrs_protection_group_id} had no DR drill in the last ${var.max_drill_age_days} days."
  }
}
