data "continuity_astra_app" "payments" {
  name = "payments"
}

# The latest completed snapshot of payments: snapshots come newest first.
data "continuity_astra_snapshots" "completed" {
  app_id = data.continuity_astra_app.payments.id
  state  = "completed"
  limit  = 1
}

output "latest_snapshot_id" {
  value = one(data.continuity_astra_snapshots.completed.ids)
}

# The snapshots taken before upgrades, by name.
data "continuity_astra_snapshots" "before_upgrades" {
  app_id     = data.continuity_astra_app.payments.id
  name_regex = "^before-"
  order_by   = "name"
}
