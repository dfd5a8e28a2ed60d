# The access key of an S3 bucket. The secret is write-only: it is sent to
# Astra Control and kept nowhere by Terraform (Terraform 1.11 or later).
variable "backup_access_key" {
  type = string
}

variable "backup_secret_key" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "continuity_astra_cloud_credential" "backups" {
  name     = "dr-backups"
  key_type = "s3"
  key_store_wo = {
    accessKey    = var.backup_access_key
    accessSecret = var.backup_secret_key
  }
  # Terraform cannot see a new secret: bump this to send it (a rotation,
  # in place).
  key_store_wo_version = 1

  # The labels NetApp's toolkit sets on bucket credentials, which the Astra
  # UI reads.
  labels = {
    "astra.netapp.io/labels/read-only/credType"  = "s3"
    "astra.netapp.io/labels/read-only/cloudName" = "s3"
  }
}

# A Google Cloud service account (its JSON key), for a gcp bucket.
variable "gcp_service_account_key" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "continuity_astra_cloud_credential" "gcp" {
  name                 = "astra-sa@dr-backups"
  key_type             = "generic"
  key_store_wo         = { base64 = var.gcp_service_account_key }
  key_store_wo_version = 1
}
