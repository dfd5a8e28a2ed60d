resource "continuity_manila_consistency_group_snapshot" "before_upgrade" {
  consistency_group_id = continuity_manila_consistency_group.db.id
  name                 = "db-before-upgrade"
  depends_on           = [continuity_manila_share.db]
}
