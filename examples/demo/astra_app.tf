# Data protection of an app of the demo's own: manage the sandbox's
# unmanaged namespace ledger on cluster-east as an app, back it up to a
# bucket, and restore the backup into a new namespace (a drill). The
# bucket's secret comes in as TF_VAR_astra_backup_secret (make demo sets
# it) and is write-only: Terraform sends it to Astra Control and keeps it in
# no plan, state or log.
variable "astra_backup_secret" {
  description = "Secret of the demo's backup bucket."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "continuity_astra_app" "ledger" {
  name                       = "ledger"
  cluster_id                 = data.continuity_astra_managed_cluster.primary.id
  namespace_scoped_resources = [{ namespace = "ledger" }]
}

resource "continuity_astra_cloud_credential" "backups" {
  name                 = "demo-backups"
  key_type             = "s3"
  key_store_wo         = { accessKey = "AKIADEMO", accessSecret = var.astra_backup_secret }
  key_store_wo_version = 1
}

resource "continuity_astra_bucket" "backups" {
  name          = "demo-backups"
  object_store  = "generic-s3"
  credential_id = continuity_astra_cloud_credential.backups.id
  bucket_name   = "demo-backups"
  server_url    = "s3.example.com"
}

resource "continuity_astra_backup" "ledger" {
  app_id    = continuity_astra_app.ledger.id
  name      = "demo-before-change"
  bucket_id = continuity_astra_bucket.backups.id
}

resource "continuity_astra_app" "ledger_restored" {
  name              = "ledger-restored"
  cluster_id        = data.continuity_astra_managed_cluster.primary.id
  backup_id         = continuity_astra_backup.ledger.id
  namespace_mapping = [{ source = "ledger", destination = "ledger-restored" }]
}

output "ledger_protection" {
  description = "The demo's app, its backup and the app restored from it."
  value = {
    app_id        = continuity_astra_app.ledger.id
    backup_state  = continuity_astra_backup.ledger.state
    backup_bytes  = continuity_astra_backup.ledger.total_bytes
    restored_app  = continuity_astra_app.ledger_restored.id
    restored_into = continuity_astra_app.ledger_restored.namespaces
    restored_from = continuity_astra_app.ledger_restored.source_app_id
  }
}
