# Restore the nightly snapshot into a new group: one share per file system,
# all at the snapshot's instant. The original group is left as it is.
resource "continuity_manila_share_group" "db_restored" {
  name                           = "db-restored"
  source_share_group_snapshot_id = continuity_manila_share_group_snapshot.nightly.id
}

data "continuity_manila_shares" "db_restored" {
  share_group_id = continuity_manila_share_group.db_restored.id
}

output "restored_exports" {
  description = "The restored shares and where to mount them."
  value       = { for s in data.continuity_manila_shares.db_restored.shares : s.id => s.export_locations[0].path }
}
