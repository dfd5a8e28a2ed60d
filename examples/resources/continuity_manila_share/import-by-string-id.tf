import {
  to = continuity_manila_share.db
  id = "011d21e2-fbc3-4e4a-9993-9ea223f73264"
}
