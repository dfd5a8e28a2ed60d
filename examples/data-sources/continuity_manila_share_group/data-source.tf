# A share group looked up by name, to put shares in it or snapshot it.
data "continuity_manila_share_group" "db" {
  name = "db"
}

output "db_group_zone" {
  value = data.continuity_manila_share_group.db.availability_zone
}
