# The demo that `make demo` applies against the sandbox. It needs no cloud:
# the provider reads ASTRA_ENDPOINT, ASTRA_ACCOUNT_ID and ASTRA_API_TOKEN, and
# the HW_* variables of SDRS and the OS_* variables of Keystone and Manila,
# from the environment that the sandbox's -env-file wrote; the sandbox's
# fixture IDs come in as TF_VAR_* variables.
terraform {
  required_version = ">= 1.5"
  required_providers {
    continuity = {
      source = "continuity-dr/continuity"
    }
  }
}

provider "continuity" {}

variable "preloaded_hook_source_name" {
  description = "Name of a hook source NetApp preloaded in the account."
  type        = string
  default     = "NetApp preloaded postgres"
}

# A script given as text: the provider encodes it for the API.
resource "continuity_astra_hook_source" "freeze" {
  name        = "demo-postgres-freeze"
  description = "Checkpoint and freeze PostgreSQL writes before a snapshot"
  content     = file("${path.module}/scripts/freeze.sh")
}

# A script given as base64, as the API stores it.
resource "continuity_astra_hook_source" "thaw" {
  name        = "demo-postgres-thaw"
  description = "Resume PostgreSQL writes after a snapshot"
  source      = filebase64("${path.module}/scripts/thaw.sh")
}

# A preloaded hook source is read-only: look it up instead of managing it.
data "continuity_astra_hook_source" "preloaded" {
  name = var.preloaded_hook_source_name
}

variable "manila_share_type" {
  description = "Share type of the consistency group (the sandbox has default and gold)."
  type        = string
  default     = "default"
}

variable "manila_share_network" {
  description = "Share network for share types that handle share servers (the sandbox has sn-default)."
  type        = string
  default     = "sn-default"
}

# Manila: a consistency group for an application's shares, and a snapshot of
# all of them at one point in time.
data "continuity_manila_share_type" "db" {
  name = var.manila_share_type
}

data "continuity_manila_share_network" "db" {
  name = var.manila_share_network
}

resource "continuity_manila_consistency_group" "db" {
  name             = "demo-db"
  description      = "PostgreSQL tables, WAL and configuration"
  share_types      = [data.continuity_manila_share_type.db.id]
  share_network_id = data.continuity_manila_share_type.db.driver_handles_share_servers ? data.continuity_manila_share_network.db.id : null
}

resource "continuity_manila_consistency_group_snapshot" "before_upgrade" {
  consistency_group_id = continuity_manila_consistency_group.db.id
  name                 = "demo-db-before-upgrade"
  description          = "Point-in-time copy of every share of demo-db"
}

output "hook_sources" {
  description = "The hook sources this configuration manages."
  value = {
    for h in [continuity_astra_hook_source.freeze, continuity_astra_hook_source.thaw] :
    h.name => { id = h.id, source_md5 = h.source_md5, created_at = h.created_at }
  }
}

output "preloaded_hook_source" {
  description = "The preloaded hook source found by name."
  value = {
    id        = data.continuity_astra_hook_source.preloaded.id
    preloaded = data.continuity_astra_hook_source.preloaded.preloaded
    private   = data.continuity_astra_hook_source.preloaded.private
  }
}

# --- Huawei Cloud SDRS: a protection group replicating two disks ----------

variable "sdrs_vpc_id" {
  description = "VPC of the production site (the sandbox's CONTINUITY_SANDBOX_SDRS_VPC_ID)."
  type        = string
}

variable "sdrs_volume_ids" {
  description = "Comma-separated EVS disks of the production site (the sandbox's CONTINUITY_SANDBOX_SDRS_VOLUME_IDS); the first two are replicated."
  type        = string
}

variable "sdrs_protection_enabled" {
  description = "Enable protection. SDRS needs the replication pairs first: apply with false, then with true."
  type        = bool
  default     = false
}

data "continuity_sdrs_domain" "demo" {}

resource "continuity_sdrs_protection_group" "demo" {
  name                     = "demo-erp"
  description              = "ERP servers"
  source_availability_zone = data.continuity_sdrs_domain.demo.local_availability_zone
  target_availability_zone = data.continuity_sdrs_domain.demo.remote_availability_zone
  domain_id                = data.continuity_sdrs_domain.demo.id
  source_vpc_id            = var.sdrs_vpc_id
  enabled                  = var.sdrs_protection_enabled
}

resource "continuity_sdrs_replication_pair" "demo" {
  for_each = toset(slice(split(",", var.sdrs_volume_ids), 0, 2))

  name                 = "demo-erp-${substr(each.value, 0, 8)}"
  group_id             = continuity_sdrs_protection_group.demo.id
  volume_id            = each.value
  delete_target_volume = true
}

output "sdrs_protection_group" {
  description = "The protection group and its replication pairs."
  value = {
    id               = continuity_sdrs_protection_group.demo.id
    status           = continuity_sdrs_protection_group.demo.status
    enabled          = continuity_sdrs_protection_group.demo.enabled
    priority_station = continuity_sdrs_protection_group.demo.priority_station
    pairs = {
      for p in continuity_sdrs_replication_pair.demo : p.volume_id => { id = p.id, dr_site_disk = p.target_volume_id }
    }
  }
}

output "consistency_group" {
  description = "The Manila consistency group and its snapshot."
  value = {
    id       = continuity_manila_consistency_group.db.id
    status   = continuity_manila_consistency_group.db.status
    host     = continuity_manila_consistency_group.db.host
    snapshot = continuity_manila_consistency_group_snapshot.before_upgrade.id
    members  = length(continuity_manila_consistency_group_snapshot.before_upgrade.members)
  }
}
