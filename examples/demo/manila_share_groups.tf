# Manila of Ocata or later: a share group with two shares and a snapshot of
# both at one point in time. It runs against the demo's second sandbox
# (-manila-modern), whose Keystone scripts/demo.sh passes in as TF_VAR_*:
# consistency groups (main.tf) and share groups never exist on one Manila.

variable "manila_modern_auth_url" {
  description = "Keystone of a Manila of Ocata or later (the demo's second sandbox)."
  type        = string
}

variable "manila_modern_user_name" {
  description = "User of that Keystone."
  type        = string
}

variable "manila_modern_password" {
  description = "Password of that user."
  type        = string
  sensitive   = true
}

variable "manila_modern_project_name" {
  description = "Project of that user."
  type        = string
}

provider "continuity" {
  alias = "modern"
  manila {
    auth_url            = var.manila_modern_auth_url
    user_name           = var.manila_modern_user_name
    password            = var.manila_modern_password
    project_name        = var.manila_modern_project_name
    user_domain_name    = "Default"
    project_domain_name = "Default"
  }
}

data "continuity_manila_share_type" "app" {
  provider = continuity.modern
  name     = "gold"
}

resource "continuity_manila_share_group" "app" {
  provider    = continuity.modern
  name        = "demo-app"
  description = "The application's data and logs, snapshotted together"
  share_types = [data.continuity_manila_share_type.app.id]
}

resource "continuity_manila_share" "app" {
  provider = continuity.modern
  for_each = { data = 10, logs = 5 }

  name           = "demo-app-${each.key}"
  share_proto    = "NFS"
  size           = each.value
  share_type_id  = data.continuity_manila_share_type.app.id
  share_group_id = continuity_manila_share_group.app.id
}

resource "continuity_manila_share_group_snapshot" "app" {
  provider       = continuity.modern
  share_group_id = continuity_manila_share_group.app.id
  name           = "demo-app-before-upgrade"
  depends_on     = [continuity_manila_share.app]
}

output "share_group" {
  description = "The Manila share group, its shares and its snapshot."
  value = {
    id       = continuity_manila_share_group.app.id
    status   = continuity_manila_share_group.app.status
    shares   = { for k, s in continuity_manila_share.app : k => s.export_locations[0].path }
    snapshot = continuity_manila_share_group_snapshot.app.id
    members  = length(continuity_manila_share_group_snapshot.app.members)
  }
}
