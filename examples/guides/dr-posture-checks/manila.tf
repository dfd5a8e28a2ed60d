# Manila: the share has a replica besides the active one, and every
# replica is in sync.
check "manila_replication" {
  data "continuity_manila_share_replicas" "posture" {
    share_id = var.manila_share_id
  }

  assert {
    condition     = length(data.continuity_manila_share_replicas.posture.replicas) > 1 && alltrue([for r in data.continuity_manila_share_replicas.posture.replicas : r.healthy])
    error_message = "Share ${var.manila_share_id} is not replicated: ${length(data.continuity_manila_share_replicas.posture.replicas) < 2 ? "it has no replica but the active one" : join(", ", [for r in data.continuity_manila_share_replicas.posture.replicas : "replica ${r.id} in ${r.availability_zone} is ${r.status}, ${coalesce(r.replica_state, "no state yet")}" if !r.healthy])}."
  }
}
