# The shares a restore from a group snapshot made, and where to mount them.
data "continuity_manila_shares" "restored" {
  share_group_id = "f9c1f80c-2392-4e34-bd90-fc89cdc5bf93"
}

# The shares of an application, by metadata.
data "continuity_manila_shares" "billing" {
  metadata = {
    app = "billing"
  }
}

output "restored_mounts" {
  value = { for s in data.continuity_manila_shares.restored.shares : s.id => s.export_locations[0].path }
}
