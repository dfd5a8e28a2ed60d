data "continuity_astra_managed_cluster" "dr" {
  name = "cluster-west"
}

data "continuity_astra_storage_classes" "dr" {
  cluster_id = data.continuity_astra_managed_cluster.dr.id
}

output "dr_storage_classes" {
  value = data.continuity_astra_storage_classes.dr.names
}

output "dr_default_storage_class" {
  value = data.continuity_astra_storage_classes.dr.default_name
}
