data "continuity_astra_app" "payments" {
  name = "payments"
}

data "continuity_astra_managed_cluster" "east" {
  name = "cluster-east"
}

resource "continuity_astra_snapshot" "before_upgrade" {
  app_id = data.continuity_astra_app.payments.id
  name   = "before-upgrade"
}

# Keep the snapshot in the bucket.
resource "continuity_astra_backup" "before_upgrade" {
  app_id      = data.continuity_astra_app.payments.id
  name        = "before-upgrade"
  bucket_id   = var.bucket_id
  snapshot_id = continuity_astra_snapshot.before_upgrade.id

  timeouts = {
    create = "2h"
  }
}

# A backup that takes its own snapshot, to the default bucket.
resource "continuity_astra_backup" "weekly" {
  app_id = data.continuity_astra_app.payments.id
  name   = "weekly-2024-09"
}

variable "bucket_id" {
  type = string
}
