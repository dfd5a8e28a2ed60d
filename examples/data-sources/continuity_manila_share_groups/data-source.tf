# Every share group of the project.
data "continuity_manila_share_groups" "all" {}

# Only those in error, to alert on them.
data "continuity_manila_share_groups" "failed" {
  status = "error"
}

output "failed_groups" {
  value = data.continuity_manila_share_groups.failed.ids
}
