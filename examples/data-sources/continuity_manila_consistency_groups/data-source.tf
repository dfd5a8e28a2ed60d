# Every consistency group of the project.
data "continuity_manila_consistency_groups" "all" {}

# Only those in error, to alert on them.
data "continuity_manila_consistency_groups" "failed" {
  status = "error"
}

output "failed_groups" {
  value = data.continuity_manila_consistency_groups.failed.ids
}
