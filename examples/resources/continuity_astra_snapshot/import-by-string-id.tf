# The import ID is <app_id>/<snapshot_id>.
import {
  to = continuity_astra_snapshot.before_upgrade
  id = "cd7b6d91-fc19-4983-a754-9a7bb4d80a7b/c2cc5c22-8b0e-4b4a-9a3c-2d7e9c0f1a11"
}
