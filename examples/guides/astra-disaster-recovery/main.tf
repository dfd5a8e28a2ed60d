terraform {
  required_version = ">= 1.11"
  required_providers {
    continuity = {
      source = "continuity-dr/continuity"
    }
  }
}

# Endpoint, account and token come from ASTRA_ENDPOINT, ASTRA_ACCOUNT_ID and
# ASTRA_API_TOKEN (the sandbox's env file sets them).
provider "continuity" {}

# --- The app and where it runs ----------------------------------------------

variable "namespace" {
  description = "Namespace of the app to protect (the sandbox has payments on cluster-east, unmanaged)."
  type        = string
  default     = "payments"
}

variable "primary_cluster" {
  description = "Name of the managed cluster that runs the app."
  type        = string
  default     = "cluster-east"
}

variable "dr_cluster" {
  description = "Name of the managed cluster that hosts the copy."
  type        = string
  default     = "cluster-west"
}

# --- The knobs of the runbook: one apply per step -----------------------------

variable "pre_change_backup" {
  description = "Name of an on-demand backup to take before a change (\"\": none)."
  type        = string
  default     = ""
}

variable "drill" {
  description = "true: restore the pre-change backup into a namespace of its own, beside the app (a DR drill)."
  type        = bool
  default     = false
}

variable "restore_in_place" {
  description = "Name of a backup to restore the app from, in place (a rollback; null: none). Overwrites the app's data."
  type        = string
  default     = null
}

variable "state_desired" {
  description = "established (replication runs) or failedOver (the copy runs on its own)."
  type        = string
  default     = "established"
}

variable "reversed" {
  description = "true: replication runs from the copy back to the app."
  type        = bool
  default     = false
}

# --- The bucket's secret: write-only, from the environment (TF_VAR_*) --------

variable "backup_access_key" {
  description = "Access key of the backup bucket."
  type        = string
}

variable "backup_secret_key" {
  description = "Secret of the backup bucket: sent to Astra Control, kept by nobody else."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "backup_secret_version" {
  description = "Bump it to send a rotated backup_secret_key."
  type        = number
  default     = 1
}

data "continuity_astra_managed_cluster" "primary" {
  name = var.primary_cluster
}

data "continuity_astra_managed_cluster" "dr" {
  name = var.dr_cluster
}

data "continuity_astra_storage_classes" "dr" {
  cluster_id = data.continuity_astra_managed_cluster.dr.id
}

# 1. Manage the app: the namespace, as Astra Control discovers it.
resource "continuity_astra_app" "primary" {
  name       = var.namespace
  cluster_id = data.continuity_astra_managed_cluster.primary.id
  namespace_scoped_resources = [
    { namespace = var.namespace },
  ]

  # 7. Roll back: overwrite the app with one of its backups, once.
  in_place_restore = var.restore_in_place == null ? null : { backup_name = var.restore_in_place }
}

# 2. Execution hooks: quiesce the database around snapshots, check it after
#    a restore or a failover.
resource "continuity_astra_hook_source" "quiesce" {
  name    = "${var.namespace}-quiesce"
  content = <<-EOT
    #!/bin/sh
    case "$1" in
      pre)  psql -c 'CHECKPOINT;' ;;
      post) exit 0 ;;
    esac
  EOT
}

resource "continuity_astra_hook_source" "check" {
  name    = "${var.namespace}-check"
  content = "#!/bin/sh\npg_isready\n"
}

resource "continuity_astra_execution_hook" "pre_snapshot" {
  name              = "${var.namespace}-pre-snapshot"
  app_id            = continuity_astra_app.primary.id
  hook_source_id    = continuity_astra_hook_source.quiesce.id
  action            = "snapshot"
  stage             = "pre"
  arguments         = ["pre"]
  matching_criteria = [{ type = "containerImage", value = "postgres" }]
}

resource "continuity_astra_execution_hook" "post_snapshot" {
  name              = "${var.namespace}-post-snapshot"
  app_id            = continuity_astra_app.primary.id
  hook_source_id    = continuity_astra_hook_source.quiesce.id
  action            = "snapshot"
  stage             = "post"
  arguments         = ["post"]
  matching_criteria = [{ type = "containerImage", value = "postgres" }]
}

resource "continuity_astra_execution_hook" "post_restore" {
  name           = "${var.namespace}-post-restore"
  app_id         = continuity_astra_app.primary.id
  hook_source_id = continuity_astra_hook_source.check.id
  action         = "restore"
  stage          = "post"
}

# 3. A bucket for backups.
resource "continuity_astra_cloud_credential" "backups" {
  name     = "${var.namespace}-backups"
  key_type = "s3"
  key_store_wo = {
    accessKey    = var.backup_access_key
    accessSecret = var.backup_secret_key
  }
  key_store_wo_version = var.backup_secret_version
}

resource "continuity_astra_bucket" "backups" {
  name          = "${var.namespace}-backups"
  object_store  = "generic-s3"
  credential_id = continuity_astra_cloud_credential.backups.id
  bucket_name   = "${var.namespace}-backups"
  server_url    = "s3.example.com"
}

# 4. Schedules: a nightly backup, and a snapshot every 10 minutes that the
#    AppMirror relationship replicates.
resource "continuity_astra_app_schedule" "nightly" {
  app_id             = continuity_astra_app.primary.id
  name               = "nightly"
  granularity        = "daily"
  hour               = 1
  minute             = 0
  snapshot_retention = 7
  backup_retention   = 7
  bucket_id          = continuity_astra_bucket.backups.id
}

resource "continuity_astra_app_schedule" "replication" {
  app_id             = continuity_astra_app.primary.id
  name               = "replication"
  granularity        = "custom"
  recurrence_rule    = "DTSTART:20240101T000000Z\nRRULE:FREQ=MINUTELY;INTERVAL=10"
  snapshot_retention = 6
  backup_retention   = 0
  replicate          = true
}

# 5. The mirror: replicate the app to the DR cluster, in <namespace>-dr.
resource "continuity_astra_app_mirror" "dr" {
  source_app_id          = continuity_astra_app.primary.id
  destination_cluster_id = data.continuity_astra_managed_cluster.dr.id

  namespace_mapping = [
    { cluster_id = continuity_astra_app.primary.cluster_id, namespaces = [var.namespace] },
    { cluster_id = data.continuity_astra_managed_cluster.dr.id, namespaces = ["${var.namespace}-dr"] },
  ]
  storage_classes = [
    { cluster_id = data.continuity_astra_managed_cluster.dr.id, storage_class_name = data.continuity_astra_storage_classes.dr.default_name },
  ]

  # 8. Fail over, and back.
  state_desired = var.state_desired
  reversed      = var.reversed
}

# The copy checks the database once it is failed over.
resource "continuity_astra_execution_hook" "post_failover" {
  name           = "${var.namespace}-post-failover"
  app_id         = continuity_astra_app_mirror.dr.destination_app_id
  hook_source_id = continuity_astra_hook_source.check.id
  action         = "failover"
  stage          = "post"
}

# 6. An on-demand backup before a change.
resource "continuity_astra_backup" "pre_change" {
  count = var.pre_change_backup == "" ? 0 : 1

  app_id    = continuity_astra_app.primary.id
  name      = var.pre_change_backup
  bucket_id = continuity_astra_bucket.backups.id
}

# 7. A drill: the backup restored into a namespace of its own, beside the
#    app, then removed.
resource "continuity_astra_app" "drill" {
  count = var.drill ? 1 : 0

  name              = "${var.namespace}-drill"
  cluster_id        = data.continuity_astra_managed_cluster.primary.id
  backup_id         = continuity_astra_backup.pre_change[0].id
  namespace_mapping = [{ source = var.namespace, destination = "${var.namespace}-drill" }]
}

output "runbook" {
  value = {
    app_id            = continuity_astra_app.primary.id
    app_state         = continuity_astra_app.primary.state
    bucket            = continuity_astra_bucket.backups.state
    backup            = one(continuity_astra_backup.pre_change[*].state)
    backup_hooks      = one(continuity_astra_backup.pre_change[*].hook_state)
    drill_app_id      = one(continuity_astra_app.drill[*].id)
    drill_state       = one(continuity_astra_app.drill[*].state)
    replication       = continuity_astra_app_mirror.dr.state
    health            = continuity_astra_app_mirror.dr.health_state
    copy_app_id       = continuity_astra_app_mirror.dr.destination_app_id
    runs_from         = continuity_astra_app_mirror.dr.reversed ? "copy" : "primary"
    restored_in_place = continuity_astra_app.primary.in_place_restore != null
  }
}
