variable "share_id" {
  type        = string
  description = "ID of a replicated share, e.g. continuity_manila_share.wal_archive.id."
}

# Every replica of the share, the active one included.
data "continuity_manila_share_replicas" "wal_archive" {
  share_id = var.share_id
}

output "replica_states" {
  value = { for r in data.continuity_manila_share_replicas.wal_archive.replicas : r.availability_zone => r.replica_state }
}

# Warn on every plan when a replica is out of sync.
check "wal_archive_replicated" {
  assert {
    condition     = alltrue([for r in data.continuity_manila_share_replicas.wal_archive.replicas : r.healthy])
    error_message = "A replica of the WAL archive is not in sync."
  }
}
