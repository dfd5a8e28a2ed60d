# A Manila consistency group for an application's shares, with a named
# point-in-time snapshot of all of them (Manila 2.4 to 2.30: Liberty to
# Newton).
terraform {
  required_version = ">= 1.6"
  required_providers {
    continuity = {
      source = "continuity-dr/continuity"
    }
  }
}

variable "name" {
  description = "Name of the consistency group."
  type        = string
}

variable "share_type" {
  description = "Name of the share type of the group's shares."
  type        = string
  default     = "default"
}

variable "share_network" {
  description = "Name of the share network, used when the share type handles share servers."
  type        = string
  default     = ""
}

variable "snapshot_name" {
  description = "Name of the snapshot to take; empty for none."
  type        = string
  default     = ""
}

data "continuity_manila_share_type" "this" {
  name = var.share_type
}

data "continuity_manila_share_network" "this" {
  count = var.share_network == "" ? 0 : 1
  name  = var.share_network
}

resource "continuity_manila_consistency_group" "this" {
  name             = var.name
  share_types      = [data.continuity_manila_share_type.this.id]
  share_network_id = one(data.continuity_manila_share_network.this[*].id)

  lifecycle {
    precondition {
      condition     = !data.continuity_manila_share_type.this.driver_handles_share_servers || var.share_network != ""
      error_message = "share type ${var.share_type} handles share servers: give share_network."
    }
  }
}

resource "continuity_manila_consistency_group_snapshot" "this" {
  count                = var.snapshot_name == "" ? 0 : 1
  consistency_group_id = continuity_manila_consistency_group.this.id
  name                 = var.snapshot_name
}

output "group_id" {
  description = "The consistency group's ID."
  value       = continuity_manila_consistency_group.this.id
}

output "snapshot_id" {
  description = "The snapshot's ID, or null."
  value       = one(continuity_manila_consistency_group_snapshot.this[*].id)
}
