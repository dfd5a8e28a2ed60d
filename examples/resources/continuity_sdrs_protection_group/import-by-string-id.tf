import {
  to = continuity_sdrs_protection_group.app
  id = "a59d008e-4bad-4bf3-9b17-6cc25e7da483"
}
