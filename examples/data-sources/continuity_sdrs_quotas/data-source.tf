data "continuity_sdrs_quotas" "this" {}

# Refuse a plan that would pass the project's replication pair quota.
variable "new_pairs" {
  type    = number
  default = 4
}

check "replication_pair_quota" {
  assert {
    condition = (
      data.continuity_sdrs_quotas.this.replication_pairs.available < 0 ||
      data.continuity_sdrs_quotas.this.replication_pairs.available >= var.new_pairs
    )
    error_message = "The project has room for ${data.continuity_sdrs_quotas.this.replication_pairs.available} more replication pairs."
  }
}
