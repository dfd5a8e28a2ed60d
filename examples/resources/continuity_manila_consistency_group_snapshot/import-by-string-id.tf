import {
  to = continuity_manila_consistency_group_snapshot.nightly
  id = "b44c894d-4bec-47aa-b389-cc8c6f0044a5"
}
