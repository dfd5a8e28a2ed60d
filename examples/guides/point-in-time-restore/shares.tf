locals {
  file_systems = [
    { name = "tables", size = 100 },
    { name = "wal", size = 20 },
    { name = "config", size = 1 },
  ]
}

resource "continuity_manila_share" "db" {
  count = length(local.file_systems)

  name                 = "db-${local.file_systems[count.index].name}"
  share_proto          = "NFS"
  size                 = local.file_systems[count.index].size
  share_type_id        = data.continuity_manila_share_type.db.id
  share_network_id     = data.continuity_manila_share_network.db.id
  consistency_group_id = continuity_manila_consistency_group.db.id
}
