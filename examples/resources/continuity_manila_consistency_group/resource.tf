# Share types and share network looked up by name.
data "continuity_manila_share_type" "default" {
  name = "default"
}

data "continuity_manila_share_network" "app" {
  name = "sn-default"
}

# A group for the shares of one application (data, logs, configuration),
# so that they can be snapshotted at the same point in time.
resource "continuity_manila_consistency_group" "db" {
  name             = "db"
  description      = "PostgreSQL data, WAL and configuration shares"
  share_types      = [data.continuity_manila_share_type.default.id]
  share_network_id = data.continuity_manila_share_network.app.id

  timeouts = {
    create = "20m"
    delete = "20m"
  }
}

# Its snapshot, and a new group restored from it: the new group inherits the
# share types, the share network and the host, and gets one share per member.
resource "continuity_manila_consistency_group_snapshot" "before_upgrade" {
  consistency_group_id = continuity_manila_consistency_group.db.id
  name                 = "db-before-upgrade"
}

resource "continuity_manila_consistency_group" "db_restored" {
  name                 = "db-restored"
  source_cgsnapshot_id = continuity_manila_consistency_group_snapshot.before_upgrade.id
}
