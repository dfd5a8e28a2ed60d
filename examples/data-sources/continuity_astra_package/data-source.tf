data "continuity_astra_packages" "trident" {
  filter   = "packageName eq 'trident'"
  order_by = "packageVersion desc"
  limit    = 1
}

# One package by ID, with its images, artifacts and dependencies.
data "continuity_astra_package" "trident" {
  id = data.continuity_astra_packages.trident.packages[0].id
}

output "trident_images" {
  value = [for i in data.continuity_astra_package.trident.images : "${i.path}/${i.name}:${i.tag}@${i.digest}"]
}
