# By name; set cluster_id (and namespace) too when several apps have that
# name, as an app and its AppMirror copy do.
data "continuity_astra_app" "wordpress" {
  name = "wordpress"
}

data "continuity_astra_app" "postgres_east" {
  name       = "postgres"
  cluster_id = "039833c1-11aa-5a92-81f2-fbc588910b08"
  namespace  = "postgres"
}

# Or by ID.
data "continuity_astra_app" "by_id" {
  id = "0a76a31d-1125-5884-bd48-10744e9b16fb"
}

output "wordpress_namespaces" {
  value = data.continuity_astra_app.wordpress.namespaces
}
