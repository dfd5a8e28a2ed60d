# Astra Control: the mirror replicates, recently, and a backup is fresh.
check "astra_replication" {
  data "continuity_astra_app_mirror" "posture" {
    id = var.astra_app_mirror_id
  }

  assert {
    condition     = data.continuity_astra_app_mirror.posture.healthy
    error_message = "AppMirror ${var.astra_app_mirror_id} does not protect its app: state ${data.continuity_astra_app_mirror.posture.state}, health ${data.continuity_astra_app_mirror.posture.health_state}."
  }

  assert {
    condition     = coalesce(data.continuity_astra_app_mirror.posture.lag_seconds, -1) >= 0 && coalesce(data.continuity_astra_app_mirror.posture.lag_seconds, -1) <= var.max_replication_lag_minutes * 60
    error_message = "AppMirror ${var.astra_app_mirror_id}: the last snapshot transfer (${coalesce(data.continuity_astra_app_mirror.posture.last_transfer_time, "none yet")}) is more than ${var.max_replication_lag_minutes} minutes old."
  }
}

check "astra_backups" {
  data "continuity_astra_backups" "posture" {
    app_id = var.astra_app_id
    state  = "completed"
  }

  assert {
    condition     = anytrue([for b in data.continuity_astra_backups.posture.backups : b.age_seconds <= var.max_backup_age_hours * 3600])
    error_message = "App ${var.astra_app_id} has no completed backup younger than ${var.max_backup_age_hours} hours."
  }
}
