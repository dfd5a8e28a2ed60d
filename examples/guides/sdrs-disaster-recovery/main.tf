terraform {
  required_providers {
    continuity = {
      source = "continuity-dr/continuity"
    }
  }
}

# Region, project and AK/SK come from HW_REGION_NAME, HW_PROJECT_ID,
# HW_ACCESS_KEY and HW_SECRET_KEY (the sandbox's env file sets them, and
# HW_SDRS_ENDPOINT).
provider "continuity" {}

variable "vpc_id" {
  description = "VPC of the production servers."
  type        = string
}

variable "server_ids" {
  description = "ECS servers of the production availability zone to protect."
  type        = list(string)
}

variable "log_volume_id" {
  description = "A disk of the production availability zone, replicated and attached to the first server as /dev/vdc."
  type        = string
}

variable "drill_vpc_id" {
  description = "VPC for DR drills: with subnets of the production VPC's CIDRs."
  type        = string
}

# The knobs of the runbook.
variable "protection_enabled" {
  description = "Replicate from the production site to the DR site. Needs the protected servers first: apply with false, then true."
  type        = bool
  default     = false
}

variable "drill" {
  description = "Run a DR drill: drill servers made from the DR site, in the drill VPC."
  type        = bool
  default     = false
}

variable "production_site" {
  description = "source or target: the site that runs production. A change is a planned failover (its servers stopped first)."
  type        = string
  default     = "source"
}

variable "failed_over" {
  description = "true: fail over to the other site now, whatever the state of the production site. false afterwards: re-protect."
  type        = bool
  default     = false
}

data "continuity_sdrs_domain" "dr" {}

resource "continuity_sdrs_protection_group" "erp" {
  name                     = "erp"
  description              = "ERP servers"
  source_availability_zone = data.continuity_sdrs_domain.dr.local_availability_zone
  target_availability_zone = data.continuity_sdrs_domain.dr.remote_availability_zone
  domain_id                = data.continuity_sdrs_domain.dr.id
  source_vpc_id            = var.vpc_id

  enabled          = var.protection_enabled
  priority_station = var.production_site
  failed_over      = var.failed_over

  # Clear this group's failed jobs from SDRS's task center when it goes.
  delete_failed_jobs = true
}

# One protected instance per server: SDRS creates its DR-site server
# (stopped) and a replication pair per disk.
resource "continuity_sdrs_protected_instance" "erp" {
  for_each = { for i, id in var.server_ids : "erp-${i}" => id }

  name                 = each.key
  group_id             = continuity_sdrs_protection_group.erp.id
  server_id            = each.value
  delete_target_server = true
  tags                 = { app = "erp" }
}

# A disk of its own, replicated and attached to the first server.
resource "continuity_sdrs_replication_pair" "logs" {
  name                 = "erp-logs"
  group_id             = continuity_sdrs_protection_group.erp.id
  volume_id            = var.log_volume_id
  delete_target_volume = true
}

resource "continuity_sdrs_replication_attachment" "logs" {
  instance_id    = continuity_sdrs_protected_instance.erp["erp-0"].id
  replication_id = continuity_sdrs_replication_pair.logs.id
  device         = "/dev/vdc"
}

resource "continuity_sdrs_drill" "rehearsal" {
  count = var.drill ? 1 : 0

  name         = "erp-rehearsal"
  group_id     = continuity_sdrs_protection_group.erp.id
  drill_vpc_id = var.drill_vpc_id
  depends_on   = [continuity_sdrs_protected_instance.erp, continuity_sdrs_replication_attachment.logs]
}

# What failed and was left in SDRS's task center.
data "continuity_sdrs_failed_jobs" "erp" {
  server_group_id = continuity_sdrs_protection_group.erp.id
}

output "dr" {
  value = {
    status          = continuity_sdrs_protection_group.erp.status
    production_site = continuity_sdrs_protection_group.erp.priority_station
    failed_over     = continuity_sdrs_protection_group.erp.failed_over
    # Which server of each pair runs production follows the group's site.
    servers = {
      for name, i in continuity_sdrs_protected_instance.erp : name => {
        production = continuity_sdrs_protection_group.erp.priority_station == "source" ? i.server_id : i.target_server
        dr         = continuity_sdrs_protection_group.erp.priority_station == "source" ? i.target_server : i.server_id
      }
    }
    drill_servers = [for d in continuity_sdrs_drill.rehearsal : d.drill_servers[*].drill_server_id]
    failed_jobs   = length(data.continuity_sdrs_failed_jobs.erp.failed_jobs)
  }
}
