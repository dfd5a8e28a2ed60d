data "continuity_manila_share_type" "db" {
  name = "default"
}

data "continuity_manila_share_network" "db" {
  name = "sn-default"
}

resource "continuity_manila_consistency_group" "db" {
  name             = "db"
  description      = "PostgreSQL tables, WAL and configuration"
  share_types      = [data.continuity_manila_share_type.db.id]
  share_network_id = data.continuity_manila_share_network.db.id
}

output "db_group_id" {
  value = continuity_manila_consistency_group.db.id
}
