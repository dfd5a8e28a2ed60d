# The import ID is <app_id>/<backup_id>.
import {
  to = continuity_astra_backup.before_upgrade
  id = "cd7b6d91-fc19-4983-a754-9a7bb4d80a7b/8a17ae16-3b5f-4d9a-bf3c-7d2a1e0c4b22"
}
