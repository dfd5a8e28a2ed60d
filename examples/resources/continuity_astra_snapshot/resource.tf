data "continuity_astra_app" "payments" {
  name = "payments"
}

# A snapshot before an upgrade, waited on until completed.
resource "continuity_astra_snapshot" "before_upgrade" {
  app_id = data.continuity_astra_app.payments.id
  name   = "before-upgrade"

  timeouts = {
    create = "20m"
  }
}

output "hooks" {
  value = continuity_astra_snapshot.before_upgrade.hook_state
}
