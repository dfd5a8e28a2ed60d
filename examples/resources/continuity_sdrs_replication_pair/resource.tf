variable "protection_group_id" {
  description = "ID of the protection group (continuity_sdrs_protection_group)."
  type        = string
}

variable "volume_id" {
  description = "EVS disk of the group's production site."
  type        = string
}

resource "continuity_sdrs_replication_pair" "data" {
  name        = "erp-data"
  description = "ERP data disk"
  group_id    = var.protection_group_id
  volume_id   = var.volume_id

  # Grow both disks to 100 GB in place (disks never shrink).
  size = 100

  # Keep the DR-site disk when the pair is destroyed (the default).
  delete_target_volume = false
}

output "dr_site_disk" {
  value = continuity_sdrs_replication_pair.data.target_volume_id
}
