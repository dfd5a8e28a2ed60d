import {
  to = continuity_astra_execution_hook.pre_snapshot
  id = "5f7e2e31-280d-4984-a28b-2d19ab5b77c0"
}
