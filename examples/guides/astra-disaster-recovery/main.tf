terraform {
  required_providers {
    continuity = {
      source = "continuity-dr/continuity"
    }
  }
}

# Endpoint, account and token come from ASTRA_ENDPOINT, ASTRA_ACCOUNT_ID and
# ASTRA_API_TOKEN (the sandbox's env file sets them).
provider "continuity" {}

variable "app" {
  description = "Name of the managed app to protect."
  type        = string
  default     = "wordpress"
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

# The two knobs of the runbook.
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

data "continuity_astra_managed_cluster" "primary" {
  name = var.primary_cluster
}

# The copy that replication creates has the app's name too, on the DR
# cluster: name the cluster to find the primary app.
data "continuity_astra_app" "primary" {
  name       = var.app
  cluster_id = data.continuity_astra_managed_cluster.primary.id
}

data "continuity_astra_managed_cluster" "dr" {
  name = var.dr_cluster
}

data "continuity_astra_storage_classes" "dr" {
  cluster_id = data.continuity_astra_managed_cluster.dr.id
}

resource "continuity_astra_app_mirror" "dr" {
  source_app_id          = data.continuity_astra_app.primary.id
  destination_cluster_id = data.continuity_astra_managed_cluster.dr.id

  namespace_mapping = [
    { cluster_id = data.continuity_astra_app.primary.cluster_id, namespaces = data.continuity_astra_app.primary.namespaces },
    { cluster_id = data.continuity_astra_managed_cluster.dr.id, namespaces = [for ns in data.continuity_astra_app.primary.namespaces : "${ns}-dr"] },
  ]
  storage_classes = [
    { cluster_id = data.continuity_astra_managed_cluster.dr.id, storage_class_name = data.continuity_astra_storage_classes.dr.default_name },
  ]

  state_desired = var.state_desired
  reversed      = var.reversed
}

output "replication" {
  value = {
    state          = continuity_astra_app_mirror.dr.state
    health         = continuity_astra_app_mirror.dr.health_state
    transfer       = continuity_astra_app_mirror.dr.transfer_state
    primary_app_id = continuity_astra_app_mirror.dr.source_app_id
    copy_app_id    = continuity_astra_app_mirror.dr.destination_app_id
    runs_from      = continuity_astra_app_mirror.dr.reversed ? "copy" : "primary"
  }
}
