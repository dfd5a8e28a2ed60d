# --- Huawei Cloud SDRS: a protected server --------------------------------
#
# The first server of the sandbox joins the demo's protection group: SDRS
# creates its DR-site server (stopped) and a replication pair per disk, and
# the group's protection (sdrs_protection_enabled) replicates them too.

variable "sdrs_server_ids" {
  description = "Comma-separated ECS servers of the production site (the sandbox's CONTINUITY_SANDBOX_SDRS_SERVER_IDS); the first is protected."
  type        = string
}

resource "continuity_sdrs_protected_instance" "demo" {
  name                 = "demo-erp-app"
  description          = "ERP application server"
  group_id             = continuity_sdrs_protection_group.demo.id
  server_id            = split(",", var.sdrs_server_ids)[0]
  delete_target_server = true
  tags                 = { app = "erp" }
}

output "sdrs_protected_instance" {
  description = "The protected server, its DR-site server and the pairs of its disks."
  value = {
    id         = continuity_sdrs_protected_instance.demo.id
    status     = continuity_sdrs_protected_instance.demo.status
    server     = continuity_sdrs_protected_instance.demo.server_id
    dr_server  = continuity_sdrs_protected_instance.demo.target_server
    flavor     = continuity_sdrs_protected_instance.demo.target_server_flavor
    disk_pairs = { for a in continuity_sdrs_protected_instance.demo.attachments : a.device => a.replication_id }
  }
}
