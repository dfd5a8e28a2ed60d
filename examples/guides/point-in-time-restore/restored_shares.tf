data "continuity_manila_shares" "db_restored" {
  consistency_group_id = continuity_manila_consistency_group.db_restored.id
}

output "restored_exports" {
  value = { for s in data.continuity_manila_shares.db_restored.shares : s.id => s.export_locations[0].path }
}
