resource "continuity_manila_consistency_group" "db_restored" {
  name                 = "db-restored"
  source_cgsnapshot_id = continuity_manila_consistency_group_snapshot.before_upgrade.id
}
