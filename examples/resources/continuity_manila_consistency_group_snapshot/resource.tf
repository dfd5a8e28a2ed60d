# Snapshot every share of a group at the same point in time.
resource "continuity_manila_consistency_group_snapshot" "nightly" {
  consistency_group_id = "6f519a48-3183-46cf-a32f-41815f813986"
  name                 = "db-nightly"
  description          = "Taken by the nightly pipeline"
}

output "captured_shares" {
  value = [for m in continuity_manila_consistency_group_snapshot.nightly.members : m.share_id]
}
