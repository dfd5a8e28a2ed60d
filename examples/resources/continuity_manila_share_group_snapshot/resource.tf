data "continuity_manila_share_group" "db" {
  name = "db"
}

# Every share of the group at one instant.
resource "continuity_manila_share_group_snapshot" "nightly" {
  share_group_id = data.continuity_manila_share_group.db.id
  name           = "db-nightly"
  description    = "Nightly point-in-time copy"
}

output "members" {
  value = continuity_manila_share_group_snapshot.nightly.members
}
