variable "wordpress_app_id" {
  description = "ID of the managed WordPress app (in the sandbox: CONTINUITY_SANDBOX_ASTRA_APP_WORDPRESS_ID)."
  type        = string
}

# Nightly snapshot and backup at 02:30 UTC, a week of each kept.
resource "continuity_astra_app_schedule" "nightly" {
  app_id             = var.wordpress_app_id
  name               = "nightly"
  granularity        = "daily"
  hour               = 2
  minute             = 30
  snapshot_retention = 7
  backup_retention   = 7
}

# Weekly on Sunday at 04:00 UTC, backups kept for three months.
resource "continuity_astra_app_schedule" "weekly" {
  app_id             = var.wordpress_app_id
  name               = "weekly"
  granularity        = "weekly"
  day_of_week        = 0
  hour               = 4
  minute             = 0
  snapshot_retention = 1
  backup_retention   = 13
}

# The replication schedule of an AppMirror relationship: a snapshot every
# 10 minutes (at :05, :15, ...), each replicated to the destination cluster.
resource "continuity_astra_app_schedule" "replication" {
  app_id             = var.wordpress_app_id
  name               = "replication-10m"
  granularity        = "custom"
  recurrence_rule    = "DTSTART:20240101T000500Z\nRRULE:FREQ=MINUTELY;INTERVAL=10"
  snapshot_retention = 0
  backup_retention   = 0
  replicate          = true
}
