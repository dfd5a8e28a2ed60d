resource "continuity_astra_cloud_credential" "backups" {
  name                 = "dr-backups"
  key_type             = "s3"
  key_store_wo         = { accessKey = var.backup_access_key, accessSecret = var.backup_secret_key }
  key_store_wo_version = 1
}

# An S3 bucket for backups: the account's first bucket is its default one.
resource "continuity_astra_bucket" "backups" {
  name          = "dr-backups"
  object_store  = "generic-s3"
  credential_id = continuity_astra_cloud_credential.backups.id
  bucket_name   = "dr-backups"
  server_url    = "s3.eu-west-1.amazonaws.com"
}

# An Azure container.
resource "continuity_astra_bucket" "azure" {
  name            = "dr-azure"
  object_store    = "azure"
  credential_id   = var.azure_credential_id
  bucket_name     = "astra-backups"
  storage_account = "drbackups"
}

variable "backup_access_key" {
  type = string
}

variable "backup_secret_key" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "azure_credential_id" {
  type = string
}
