import {
  to = continuity_manila_consistency_group.db
  id = "6f519a48-3183-46cf-a32f-41815f813986"
}
