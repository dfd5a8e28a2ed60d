variable "failover" {
  description = "Make the DR replica the active one."
  type        = bool
  default     = false
}

data "continuity_manila_share_type" "replicated" {
  name = "replicated"
}

resource "continuity_manila_share" "archive" {
  name          = "wal-archive"
  share_proto   = "NFS"
  size          = 50
  share_type_id = data.continuity_manila_share_type.replicated.id
}

# A replica in the second zone; terraform apply -var failover=true promotes it.
resource "continuity_manila_share_replica" "dr" {
  share_id          = continuity_manila_share.archive.id
  availability_zone = "nova-dr"
  active            = var.failover
}

check "replication" {
  assert {
    condition     = contains(["in_sync", "active"], continuity_manila_share_replica.dr.replica_state)
    error_message = "The DR replica is ${continuity_manila_share_replica.dr.replica_state}."
  }
}
