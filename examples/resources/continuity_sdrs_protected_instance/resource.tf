variable "protection_group_id" {
  description = "ID of the protection group (continuity_sdrs_protection_group)."
  type        = string
}

variable "server_id" {
  description = "ECS server of the group's production availability zone and VPC."
  type        = string
}

variable "subnet_id" {
  description = "Subnet (network ID) of the group's VPC."
  type        = string
}

variable "security_group_id" {
  description = "Security group of the second NIC."
  type        = string
}

resource "continuity_sdrs_protected_instance" "web" {
  name        = "erp-web-1"
  description = "ERP web server"
  group_id    = var.protection_group_id
  server_id   = var.server_id

  # The DR-site server's primary NIC and flavor.
  primary_subnet_id    = var.subnet_id
  primary_ip_address   = "192.168.0.115"
  target_server_flavor = "s6.large.2"

  # A second NIC on the production server; SDRS moves it with production.
  nics = [
    { subnet_id = var.subnet_id, ip_address = "192.168.0.151", security_group_ids = [var.security_group_id] },
  ]

  tags = { app = "erp", tier = "web" }

  # Destroying the instance also deletes the DR-site server and its EIP.
  delete_target_server = true
  delete_target_eip    = true
}

output "dr_server" {
  value = {
    id     = continuity_sdrs_protected_instance.web.target_server
    status = continuity_sdrs_protected_instance.web.target_server_status
    disks  = continuity_sdrs_protected_instance.web.attachments
  }
}
