data "continuity_manila_share_network" "app" {
  name = "sn-default"
}

output "subnet" {
  value = data.continuity_manila_share_network.app.cidr
}
