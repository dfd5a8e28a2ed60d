data "continuity_astra_managed_cluster" "primary" {
  name = "cluster-east"
}

# The copy that replication creates has the same name, on the other
# cluster: name the cluster as well.
data "continuity_astra_app" "wordpress" {
  name       = "wordpress"
  cluster_id = data.continuity_astra_managed_cluster.primary.id
}

data "continuity_astra_managed_cluster" "dr" {
  name = "cluster-west"
}

# Replicate wordpress to the DR cluster, into the namespace wordpress-dr, on
# the storage class ontap-silver there.
resource "continuity_astra_app_mirror" "wordpress" {
  source_app_id          = data.continuity_astra_app.wordpress.id
  destination_cluster_id = data.continuity_astra_managed_cluster.dr.id

  namespace_mapping = [
    { cluster_id = data.continuity_astra_app.wordpress.cluster_id, namespaces = ["wordpress"] },
    { cluster_id = data.continuity_astra_managed_cluster.dr.id, namespaces = ["wordpress-dr"] },
  ]
  storage_classes = [
    { cluster_id = data.continuity_astra_managed_cluster.dr.id, storage_class_name = "ontap-silver" },
  ]

  # The disaster-recovery runbook, one apply per step:
  #   fail over:    state_desired = "failedOver"
  #   resync:       state_desired = "established" (replicates wordpress to the DR copy again)
  #   reverse:      reversed = true (the DR copy becomes the source)
  #   reverse back: reversed = false
  state_desired = "established"
  reversed      = false

  timeouts = {
    create = "30m"
    update = "30m"
  }
}

output "dr_app_id" {
  value = continuity_astra_app_mirror.wordpress.destination_app_id
}

# A copy within one cluster needs roles in its mappings. (An app can be in one
# relationship only: this one replicates another app.)
data "continuity_astra_app" "postgres" {
  name       = "postgres"
  cluster_id = data.continuity_astra_managed_cluster.primary.id
  # The copy has the same name on the same cluster: its namespace tells them apart.
  namespace = "postgres"
}

resource "continuity_astra_app_mirror" "postgres_local_copy" {
  source_app_id          = data.continuity_astra_app.postgres.id
  destination_cluster_id = data.continuity_astra_managed_cluster.primary.id

  namespace_mapping = [
    { cluster_id = data.continuity_astra_managed_cluster.primary.id, namespaces = ["postgres"], role = "source" },
    { cluster_id = data.continuity_astra_managed_cluster.primary.id, namespaces = ["postgres-copy"], role = "destination" },
  ]
}
