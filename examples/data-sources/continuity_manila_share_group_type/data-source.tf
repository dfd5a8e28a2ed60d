# The default share group type, and one by name.
data "continuity_manila_share_group_type" "default" {}

data "continuity_manila_share_group_type" "consistent" {
  name = "consistent"
}

output "default_group_share_types" {
  value = data.continuity_manila_share_group_type.default.share_types
}
