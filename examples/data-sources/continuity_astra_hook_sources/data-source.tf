# Every hook source of the account.
data "continuity_astra_hook_sources" "all" {}

# The ones NetApp preloaded (read-only), through the API's filter.
data "continuity_astra_hook_sources" "preloaded" {
  filter = "preloaded eq 'true'"
}

# Name contains "postgres" ("in" is the API's contains operator).
data "continuity_astra_hook_sources" "postgres" {
  filter = "name in 'postgres'"
}

output "preloaded_names" {
  value = data.continuity_astra_hook_sources.preloaded.hook_sources[*].name
}
