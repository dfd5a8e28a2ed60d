# A relationship managed elsewhere, as the API shows it now.
data "continuity_astra_app_mirror" "wordpress" {
  id = "512c8dac-b7d4-4be9-836e-ee672965866a"
}

output "replicating_from" {
  value = data.continuity_astra_app_mirror.wordpress.source_app_id
}

output "can_fail_over" {
  value = contains(data.continuity_astra_app_mirror.wordpress.state_allowed, "failedOver")
}
