variable "protection_group_id" {
  type        = string
  description = "ID of a protection group."
}

# The protection groups' own failed jobs (a failed creation, action or deletion).
data "continuity_sdrs_failed_jobs" "groups" {}

# The failed jobs of one group's protected instances, pairs and drills.
data "continuity_sdrs_failed_jobs" "erp" {
  server_group_id = var.protection_group_id
}

output "failures" {
  value = [for j in concat(data.continuity_sdrs_failed_jobs.groups.failed_jobs, data.continuity_sdrs_failed_jobs.erp.failed_jobs) :
  "${j.resource_type} ${j.resource_name}: ${j.failure_status} (${j.error_code}: ${j.fail_reason})"]
}
