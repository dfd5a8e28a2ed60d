variable "protected_instance_id" {
  description = "ID of the protected instance (continuity_sdrs_protected_instance)."
  type        = string
}

variable "protection_group_id" {
  description = "ID of the instance's protection group."
  type        = string
}

variable "volume_id" {
  description = "An EVS disk of the production site, attached to no server."
  type        = string
}

resource "continuity_sdrs_replication_pair" "logs" {
  name                 = "erp-logs"
  group_id             = var.protection_group_id
  volume_id            = var.volume_id
  delete_target_volume = true
}

# The pair's disks become /dev/vdc of the production and DR-site servers.
resource "continuity_sdrs_replication_attachment" "logs" {
  instance_id    = var.protected_instance_id
  replication_id = continuity_sdrs_replication_pair.logs.id
  device         = "/dev/vdc"
}
