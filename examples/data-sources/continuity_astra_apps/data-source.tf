# Every managed app.
data "continuity_astra_apps" "all" {}

# The ready apps of one cluster; every filter is passed to the API.
data "continuity_astra_apps" "east" {
  cluster_name = "cluster-east"
  state        = "ready"
}

# The app that manages a namespace.
data "continuity_astra_apps" "in_namespace" {
  namespace = "postgres"
}

output "east_app_names" {
  value = data.continuity_astra_apps.east.apps[*].name
}
