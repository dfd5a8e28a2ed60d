variable "protection_group_id" {
  type        = string
  description = "ID of a protection group, e.g. continuity_sdrs_protection_group.erp.id."
}

# The protected instances of one group.
data "continuity_sdrs_protected_instances" "erp" {
  server_group_id = var.protection_group_id
}

# Every protected instance of the project in an abnormal status.
data "continuity_sdrs_protected_instances" "abnormal" {
  query_type = "status_abnormal"
}

output "erp_servers" {
  value = { for i in data.continuity_sdrs_protected_instances.erp.protected_instances : i.source_server => i.target_server }
}

output "abnormal_instances" {
  value = [for i in data.continuity_sdrs_protected_instances.abnormal.protected_instances : "${i.name}: ${i.status}"]
}
