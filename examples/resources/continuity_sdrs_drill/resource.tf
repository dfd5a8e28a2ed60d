variable "protection_group_id" {
  description = "ID of the protection group to rehearse (continuity_sdrs_protection_group)."
  type        = string
}

variable "drill_vpc_id" {
  description = "VPC for the drill servers, with subnets of the group VPC's CIDRs."
  type        = string
}

variable "rehearse" {
  description = "Run the drill: true makes the drill servers, false deletes them."
  type        = bool
  default     = true
}

resource "continuity_sdrs_drill" "quarterly" {
  count = var.rehearse ? 1 : 0

  name         = "erp-quarterly-drill"
  group_id     = var.protection_group_id
  drill_vpc_id = var.drill_vpc_id
}

output "drill_servers" {
  value = [for d in continuity_sdrs_drill.quarterly : { for s in d.drill_servers : s.protected_instance_id => s.drill_server_id }]
}
