# The project's only active-active domain.
data "continuity_sdrs_domain" "this" {}

# Or one by name.
data "continuity_sdrs_domain" "named" {
  name = "SDRS_HypeDomain01"
}

output "sites" {
  value = {
    production = data.continuity_sdrs_domain.this.local_availability_zone
    dr         = data.continuity_sdrs_domain.this.remote_availability_zone
  }
}
