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
