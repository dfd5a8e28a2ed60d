data "continuity_astra_managed_cluster" "east" {
  name = "cluster-east"
}

data "continuity_astra_managed_cluster" "west" {
  name = "cluster-west"
}

# Manage the namespace payments as an app: its API tier and its database.
resource "continuity_astra_app" "payments" {
  name       = "payments"
  cluster_id = data.continuity_astra_managed_cluster.east.id
  namespace_scoped_resources = [
    { namespace = "payments", label_selectors = ["app=payments"] },
  ]

  # Overwrite the app with its backup named before-upgrade, once. Remove
  # the line after the apply, or change trigger to restore again.
  # in_place_restore = { backup_name = "before-upgrade", trigger = "2024-03-01 rollback" }
}

resource "continuity_astra_backup" "before_upgrade" {
  app_id = continuity_astra_app.payments.id
  name   = "before-upgrade"
}

# A drill: the backup restored into a namespace of its own, beside the app.
resource "continuity_astra_app" "payments_drill" {
  name              = "payments-drill"
  cluster_id        = data.continuity_astra_managed_cluster.east.id
  backup_id         = continuity_astra_backup.before_upgrade.id
  namespace_mapping = [{ source = "payments", destination = "payments-drill" }]
}

# A live clone on the other cluster, on its silver storage class.
resource "continuity_astra_app" "payments_clone" {
  name                  = "payments-clone"
  cluster_id            = data.continuity_astra_managed_cluster.west.id
  source_app_id         = continuity_astra_app.payments.id
  namespace_mapping     = [{ source = "payments", destination = "payments-clone" }]
  storage_class_mapping = [{ source = "*", destination = "ontap-silver" }]
}
