data "continuity_manila_share_type" "gold" {
  name = "gold"
}

# A 100 GiB NFS share. Growing size extends it in place; metadata, name and
# description change in place too.
resource "continuity_manila_share" "db" {
  name          = "db-tables"
  description   = "PostgreSQL tables"
  share_proto   = "NFS"
  size          = 100
  share_type_id = data.continuity_manila_share_type.gold.id

  metadata = {
    app = "billing"
  }

  timeouts = {
    create = "20m"
  }
}

# A share in a share group (Manila 2.31 on), snapshotted with the group.
resource "continuity_manila_share_group" "db" {
  name        = "db"
  share_types = [data.continuity_manila_share_type.gold.id]
}

resource "continuity_manila_share" "wal" {
  name           = "db-wal"
  share_proto    = "NFS"
  size           = 20
  share_type_id  = data.continuity_manila_share_type.gold.id
  share_group_id = continuity_manila_share_group.db.id
}

# A copy of a snapshot's data in a new share.
resource "continuity_manila_share" "clone" {
  name        = "db-tables-clone"
  share_proto = "NFS"
  size        = 100
  snapshot_id = "6d221c1d-0200-461e-8d20-24b4776b9ddb"
}

output "db_mount" {
  value = continuity_manila_share.db.export_locations[0].path
}
