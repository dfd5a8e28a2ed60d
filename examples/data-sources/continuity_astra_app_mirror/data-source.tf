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

# Warn on every plan when replication is broken or more than 15 minutes behind.
check "wordpress_replicated" {
  assert {
    condition     = data.continuity_astra_app_mirror.wordpress.healthy && coalesce(data.continuity_astra_app_mirror.wordpress.lag_seconds, 86400) <= 900
    error_message = "wordpress's replication is ${data.continuity_astra_app_mirror.wordpress.health_state}; last transfer ${coalesce(data.continuity_astra_app_mirror.wordpress.last_transfer_time, "never")}."
  }
}
