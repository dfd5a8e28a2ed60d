# Every package, as whole objects.
data "continuity_astra_packages" "all" {}

# The newest available Astra Control Center package. filter, order_by,
# include and limit go to the API as they are, with its field names.
data "continuity_astra_packages" "latest_acc" {
  filter   = "packageName eq 'acc',packageState eq 'available'"
  order_by = "packageVersion desc"
  limit    = 1
}

# Critical patches, projected onto three fields: each package becomes a row.
data "continuity_astra_packages" "critical_patches" {
  filter   = "packageType eq 'patch',severityLevel eq 'critical'"
  order_by = "packageVersion"
  include  = ["packageName", "packageVersion", "packageState"]
}

# Looking into arrays: the packages that ship a given image tag.
data "continuity_astra_packages" "trident_2402" {
  filter = "images[*].imageName eq 'trident',images[*].imageTag gte '24.02.0'"
}

output "latest_acc_version" {
  value = one(data.continuity_astra_packages.latest_acc.packages[*].package_version)
}

output "critical_patches" {
  value = [for row in data.continuity_astra_packages.critical_patches.rows : "${row[0]} ${row[1]} (${row[2]})"]
}
