# A group created outside Terraform, looked up by name...
data "continuity_manila_consistency_group" "db" {
  name = "db"
}

# ...or by ID.
data "continuity_manila_consistency_group" "by_id" {
  id = "6f519a48-3183-46cf-a32f-41815f813986"
}

# Snapshot it.
resource "continuity_manila_consistency_group_snapshot" "db" {
  consistency_group_id = data.continuity_manila_consistency_group.db.id
  name                 = "db-before-upgrade"
}
