data "continuity_astra_managed_cluster" "dr" {
  name = "cluster-west"
}

output "dr_default_storage_class" {
  value = data.continuity_astra_managed_cluster.dr.default_storage_class_name
}
