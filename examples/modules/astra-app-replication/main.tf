# Replicate one Astra Control app to a DR cluster, with a replication
# schedule and a post-failover hook. A reusable module: give it the app, the
# DR cluster's name and the script to run on the DR copy after a failover.
terraform {
  required_version = ">= 1.6"
  required_providers {
    continuity = {
      source = "continuity-dr/continuity"
    }
  }
}

variable "app_name" {
  description = "Name of the managed app to replicate."
  type        = string
}

variable "source_cluster" {
  description = "Name of the managed cluster the app runs on."
  type        = string
}

variable "dr_cluster" {
  description = "Name of the managed cluster to replicate to."
  type        = string
}

variable "replication_minutes" {
  description = "How often to replicate, in minutes (the schedule's snapshots)."
  type        = number
  default     = 10

  validation {
    condition     = var.replication_minutes >= 5 && var.replication_minutes <= 60
    error_message = "replication_minutes must be between 5 and 60."
  }
}

variable "post_failover_script" {
  description = "Shell script to run in the app's containers after a failover."
  type        = string
  default     = "#!/bin/sh\necho failed over\n"
}

data "continuity_astra_managed_cluster" "source" {
  name = var.source_cluster
}

data "continuity_astra_managed_cluster" "dr" {
  name = var.dr_cluster
}

data "continuity_astra_app" "this" {
  name       = var.app_name
  cluster_id = data.continuity_astra_managed_cluster.source.id
}

resource "continuity_astra_hook_source" "post_failover" {
  name    = "${var.app_name}-post-failover"
  content = var.post_failover_script

  lifecycle {
    create_before_destroy = true
  }
}

resource "continuity_astra_execution_hook" "post_failover" {
  name           = "${var.app_name}-post-failover"
  app_id         = data.continuity_astra_app.this.id
  hook_source_id = continuity_astra_hook_source.post_failover.id
  action         = "failover"
  stage          = "post"
}

resource "continuity_astra_app_mirror" "this" {
  source_app_id          = data.continuity_astra_app.this.id
  destination_cluster_id = data.continuity_astra_managed_cluster.dr.id
}

resource "continuity_astra_app_schedule" "replication" {
  app_id             = data.continuity_astra_app.this.id
  name               = "${var.app_name}-replication"
  granularity        = "custom"
  recurrence_rule    = "DTSTART:20260101T000000Z\nRRULE:FREQ=MINUTELY;INTERVAL=${var.replication_minutes}"
  snapshot_retention = 3
  backup_retention   = 0
  replicate          = true
  depends_on         = [continuity_astra_app_mirror.this]
}

output "mirror_id" {
  description = "The AppMirror relationship's ID."
  value       = continuity_astra_app_mirror.this.id
}

output "state" {
  description = "The relationship's state (established once replication runs)."
  value       = continuity_astra_app_mirror.this.state
}

output "dr_app_id" {
  description = "The app Astra Control created on the DR cluster."
  value       = continuity_astra_app_mirror.this.destination_app_id
}
