# Protect a set of EVS disks with Huawei Cloud SDRS: one protection group in
# the active-active domain, one replication pair per disk. Protection is
# enabled only once the pairs exist: apply with enabled = false, then true.
terraform {
  required_version = ">= 1.6"
  required_providers {
    continuity = {
      source = "continuity-dr/continuity"
    }
  }
}

variable "name" {
  description = "Name of the protection group; the pairs are named after it."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9._-]{1,48}$", var.name))
    error_message = "name must be 1 to 48 letters, digits, '.', '_' or '-' (the pairs add a suffix)."
  }
}

variable "vpc_id" {
  description = "VPC of the production site."
  type        = string
}

variable "volume_ids" {
  description = "EVS disks of the production site to replicate."
  type        = list(string)

  validation {
    condition     = length(var.volume_ids) > 0
    error_message = "give at least one disk."
  }
}

variable "enabled" {
  description = "Whether protection runs (needs the pairs: apply once with false first)."
  type        = bool
  default     = false
}

data "continuity_sdrs_domain" "this" {}

resource "continuity_sdrs_protection_group" "this" {
  name                     = var.name
  source_availability_zone = data.continuity_sdrs_domain.this.local_availability_zone
  target_availability_zone = data.continuity_sdrs_domain.this.remote_availability_zone
  domain_id                = data.continuity_sdrs_domain.this.id
  source_vpc_id            = var.vpc_id
  enabled                  = var.enabled
}

resource "continuity_sdrs_replication_pair" "this" {
  for_each = toset(var.volume_ids)

  name                 = "${var.name}-${substr(each.value, 0, 8)}"
  group_id             = continuity_sdrs_protection_group.this.id
  volume_id            = each.value
  delete_target_volume = true
}

output "group_id" {
  description = "The protection group's ID."
  value       = continuity_sdrs_protection_group.this.id
}

output "status" {
  description = "The group's status: available, or protected once enabled."
  value       = continuity_sdrs_protection_group.this.status
}

output "dr_volume_ids" {
  description = "The DR-site disk of each production disk."
  value       = { for v, p in continuity_sdrs_replication_pair.this : v => p.target_volume_id }
}
