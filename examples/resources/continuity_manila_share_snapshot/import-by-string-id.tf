import {
  to = continuity_manila_share_snapshot.before_upgrade
  id = "6d221c1d-0200-461e-8d20-24b4776b9ddb"
}
