# Fail back: take the WAL archive's first replica (the one Manila made with
# the share, in the primary zone) under Terraform, and make it active
# again once it has caught up.
import {
  to = continuity_manila_share_replica.wal_archive_primary
  id = continuity_manila_share.wal_archive.primary_replica_id
}

resource "continuity_manila_share_replica" "wal_archive_primary" {
  share_id          = continuity_manila_share.wal_archive.id
  availability_zone = var.primary_zone
  active            = !var.failover
}
