# Disaster recovery of the sandbox's wordpress app: replicate it from
# cluster-east to cluster-west. `make demo` applies this established, then
# fails over with -var mirror_state=failedOver, then destroys.
variable "mirror_state" {
  description = "established (replication runs) or failedOver (the copy on cluster-west runs)."
  type        = string
  default     = "established"
}

data "continuity_astra_managed_cluster" "primary" {
  name = "cluster-east"
}

data "continuity_astra_managed_cluster" "dr" {
  name = "cluster-west"
}

data "continuity_astra_app" "wordpress" {
  name       = "wordpress"
  cluster_id = data.continuity_astra_managed_cluster.primary.id
}

resource "continuity_astra_app_mirror" "wordpress" {
  source_app_id          = data.continuity_astra_app.wordpress.id
  destination_cluster_id = data.continuity_astra_managed_cluster.dr.id
  state_desired          = var.mirror_state
}

output "wordpress_replication" {
  description = "The replication of wordpress to cluster-west."
  value = {
    state       = continuity_astra_app_mirror.wordpress.state
    health      = continuity_astra_app_mirror.wordpress.health_state
    copy_app_id = continuity_astra_app_mirror.wordpress.destination_app_id
  }
}
