data "continuity_manila_share" "db" {
  name = "db-tables"
}

# A snapshot before a risky change. To revert the share to it in place,
# set revert_to_snapshot_id on the share to this snapshot's ID while it is
# the share's latest.
resource "continuity_manila_share_snapshot" "before_upgrade" {
  share_id    = data.continuity_manila_share.db.id
  name        = "db-tables-before-upgrade"
  description = "Taken before the schema migration"
}

output "snapshot_id" {
  value = continuity_manila_share_snapshot.before_upgrade.id
}
