terraform {
  required_providers {
    continuity = {
      source = "continuity-dr/continuity"
    }
  }
}

# A Manila of Newton or earlier (microversions up to 2.30): consistency
# groups instead of share groups.
provider "continuity" {}

variable "failover" {
  description = "Make the replica of the WAL archive in the DR zone the active one (a failover)."
  type        = bool
  default     = false
}

variable "primary_zone" {
  description = "Availability zone of the database."
  type        = string
  default     = "nova"
}

variable "dr_zone" {
  description = "Availability zone of the disaster-recovery copy."
  type        = string
  default     = "nova-dr"
}

data "continuity_manila_share_type" "db" {
  name = "gold"
}

data "continuity_manila_share_type" "replicated" {
  name = "replicated"
}

resource "continuity_manila_consistency_group" "db" {
  name        = "db"
  description = "PostgreSQL tables, WAL and configuration"
  share_types = [data.continuity_manila_share_type.db.id]
}

locals {
  file_systems = [
    { name = "tables", size = 100 },
    { name = "wal", size = 20 },
    { name = "config", size = 1 },
  ]
}

resource "continuity_manila_share" "db" {
  count = length(local.file_systems)

  name                 = "db-${local.file_systems[count.index].name}"
  share_proto          = "NFS"
  size                 = local.file_systems[count.index].size
  share_type_id        = data.continuity_manila_share_type.db.id
  consistency_group_id = continuity_manila_consistency_group.db.id
}

resource "continuity_manila_consistency_group_snapshot" "nightly" {
  consistency_group_id = continuity_manila_consistency_group.db.id
  name                 = "db-nightly"
  description          = "Every file system of the database at one instant"
  depends_on           = [continuity_manila_share.db]
}

resource "continuity_manila_share" "wal_archive" {
  name              = "db-wal-archive"
  share_proto       = "NFS"
  size              = 50
  share_type_id     = data.continuity_manila_share_type.replicated.id
  availability_zone = var.primary_zone
}

resource "continuity_manila_share_replica" "wal_archive_dr" {
  share_id          = continuity_manila_share.wal_archive.id
  availability_zone = var.dr_zone
  active            = var.failover
}

check "wal_archive_replication" {
  assert {
    condition     = contains(["in_sync", "active"], continuity_manila_share_replica.wal_archive_dr.replica_state)
    error_message = "The DR replica of the WAL archive is ${continuity_manila_share_replica.wal_archive_dr.replica_state}."
  }
}

output "db_exports" {
  description = "Where to mount the database's file systems."
  value       = { for i, s in continuity_manila_share.db : local.file_systems[i].name => s.export_locations[0].path }
}
