# terraform test against the sandbox: the sandbox's wordpress app on
# cluster-east, replicated to cluster-west.
variables {
  app_name       = "wordpress"
  source_cluster = "cluster-east"
  dr_cluster     = "cluster-west"
}

run "refuses_a_schedule_too_frequent" {
  command = plan

  variables {
    replication_minutes = 1
  }

  expect_failures = [var.replication_minutes]
}

run "replicates" {
  assert {
    condition     = output.state == "established"
    error_message = "the relationship is ${output.state}, want established"
  }

  assert {
    condition     = output.dr_app_id != data.continuity_astra_app.this.id
    error_message = "the DR copy must be another app"
  }

  assert {
    condition     = continuity_astra_execution_hook.post_failover.stage == "post"
    error_message = "the failover hook must run after the failover"
  }
}
