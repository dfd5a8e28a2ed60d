# A share looked up by name, with its export locations.
data "continuity_manila_share" "db" {
  name = "db-tables"
}

output "db_mount" {
  value = data.continuity_manila_share.db.export_locations[0].path
}
