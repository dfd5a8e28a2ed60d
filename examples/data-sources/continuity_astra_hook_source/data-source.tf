# A hook source NetApp preloaded: read-only, so look it up.
data "continuity_astra_hook_source" "preloaded" {
  name = "NetApp preloaded postgres"
}

# Or by ID.
data "continuity_astra_hook_source" "by_id" {
  id = "2d6154dd-6863-4a26-8017-6be092b8b0bd"
}

output "preloaded_is_read_only" {
  value = data.continuity_astra_hook_source.preloaded.preloaded
}
