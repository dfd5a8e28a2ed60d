# The active-active domain gives the two availability zones.
data "continuity_sdrs_domain" "this" {}

variable "vpc_id" {
  description = "VPC of the production site."
  type        = string
}

variable "volume_ids" {
  description = "EVS disks of the production site to replicate."
  type        = list(string)
}

variable "protection_enabled" {
  description = "Enable protection. SDRS needs replication pairs for it: create the group and its pairs with false, then set true."
  type        = bool
  default     = false
}

resource "continuity_sdrs_protection_group" "app" {
  name                     = "app-dr"
  description              = "ERP servers, production in AZ a"
  source_availability_zone = data.continuity_sdrs_domain.this.local_availability_zone
  target_availability_zone = data.continuity_sdrs_domain.this.remote_availability_zone
  domain_id                = data.continuity_sdrs_domain.this.id
  source_vpc_id            = var.vpc_id

  enabled = var.protection_enabled
  # Set to "target" for a planned failover to the DR site, back to "source"
  # to fail back. Left unset, the provider follows the group.
  priority_station = "source"

  timeouts = {
    update = "30m"
  }
}

resource "continuity_sdrs_replication_pair" "disk" {
  for_each = toset(var.volume_ids)

  name      = "app-dr-${substr(each.value, 0, 8)}"
  group_id  = continuity_sdrs_protection_group.app.id
  volume_id = each.value
}
