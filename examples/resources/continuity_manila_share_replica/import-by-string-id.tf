import {
  to = continuity_manila_share_replica.dr
  id = "c9f52e33-d780-41d8-89ba-fc06869f465f"
}
