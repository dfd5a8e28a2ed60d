variable "protection_group_id" {
  type        = string
  description = "ID of a protection group."
}

# The DR drills of one group, and the drill servers each made.
data "continuity_sdrs_drills" "erp" {
  server_group_id = var.protection_group_id
}

output "drills" {
  value = { for d in data.continuity_sdrs_drills.erp.drills : d.name => { status = d.status, servers = length(d.drill_servers) } }
}

# Warn on every plan when the group had no drill in the last 30 days.
check "erp_drilled" {
  assert {
    condition     = anytrue([for d in data.continuity_sdrs_drills.erp.drills : d.age_seconds <= 30 * 86400])
    error_message = "No DR drill of the ERP group in the last 30 days."
  }
}
