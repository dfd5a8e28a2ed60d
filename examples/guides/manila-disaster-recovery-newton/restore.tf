resource "continuity_manila_consistency_group" "db_restored" {
  name                 = "db-restored"
  source_cgsnapshot_id = continuity_manila_consistency_group_snapshot.nightly.id
}

data "continuity_manila_shares" "db_restored" {
  consistency_group_id = continuity_manila_consistency_group.db_restored.id
}

output "restored_exports" {
  description = "The restored shares and where to mount them."
  value       = { for s in data.continuity_manila_shares.db_restored.shares : s.id => s.export_locations[0].path }
}
