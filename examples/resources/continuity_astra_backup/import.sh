# Import a backup by its app's ID and its own ID: <app_id>/<backup_id>.
terraform import continuity_astra_backup.before_upgrade cd7b6d91-fc19-4983-a754-9a7bb4d80a7b/8a17ae16-3b5f-4d9a-bf3c-7d2a1e0c4b22
