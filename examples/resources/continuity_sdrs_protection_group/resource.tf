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

variable "failed_over" {
  description = "true: fail over to the DR site now (unplanned). false afterwards: re-protect."
  type        = bool
  default     = false
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
  # to fail back. Left unset, the provider follows the group (a failover
  # moves it to the other site).
  priority_station = var.failed_over ? "target" : "source"

  # An unplanned failover when the production site is lost; setting it
  # back to false re-protects the group from the site that runs now.
  failed_over = var.failed_over

  # Clear the group's failed jobs from SDRS's task center when it goes.
  delete_failed_jobs = true

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
