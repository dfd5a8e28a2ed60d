data "continuity_astra_app" "payments" {
  name = "payments"
}

# The latest completed backup of payments in one bucket, to restore from.
data "continuity_astra_backups" "latest" {
  app_id    = data.continuity_astra_app.payments.id
  bucket_id = var.bucket_id
  state     = "completed"
  limit     = 1
}

data "continuity_astra_managed_cluster" "dr" {
  name = "cluster-west"
}

# A recovery of payments on the DR cluster, from that backup.
resource "continuity_astra_app" "payments_recovered" {
  name       = "payments"
  cluster_id = data.continuity_astra_managed_cluster.dr.id
  backup_id  = data.continuity_astra_backups.latest.backups[0].id
}

variable "bucket_id" {
  type = string
}
