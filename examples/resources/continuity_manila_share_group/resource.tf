data "continuity_manila_share_type" "gold" {
  name = "gold"
}

# A group for the shares of one application: snapshotted together, at one
# point in time (Manila 2.31 on; consistency groups before).
resource "continuity_manila_share_group" "db" {
  name        = "db"
  description = "PostgreSQL tables, WAL and configuration"
  share_types = [data.continuity_manila_share_type.gold.id]
}

resource "continuity_manila_share" "db" {
  for_each = { tables = 100, wal = 20 }

  name           = "db-${each.key}"
  share_proto    = "NFS"
  size           = each.value
  share_type_id  = data.continuity_manila_share_type.gold.id
  share_group_id = continuity_manila_share_group.db.id
}

resource "continuity_manila_share_group_snapshot" "nightly" {
  share_group_id = continuity_manila_share_group.db.id
  name           = "db-nightly"
  depends_on     = [continuity_manila_share.db]
}

# The snapshot restored into a new group: one share per member, the types,
# network, zone and host of the snapshot's group.
resource "continuity_manila_share_group" "db_restored" {
  name                           = "db-restored"
  source_share_group_snapshot_id = continuity_manila_share_group_snapshot.nightly.id
}
