data "continuity_manila_share_type" "default" {
  name = "default"
}

output "needs_a_share_network" {
  value = data.continuity_manila_share_type.default.driver_handles_share_servers
}
