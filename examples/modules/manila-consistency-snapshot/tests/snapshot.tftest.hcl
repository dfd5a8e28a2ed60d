# terraform test against the sandbox (its share types default, which needs
# a share network, and gold; its share network sn-default).
run "needs_a_share_network_for_default" {
  command = plan

  variables {
    name = "module-test"
  }

  expect_failures = [continuity_manila_consistency_group.this]
}

run "group_on_gold" {
  variables {
    name       = "module-test"
    share_type = "gold"
  }

  assert {
    condition     = continuity_manila_consistency_group.this.status == "available"
    error_message = "the group is ${continuity_manila_consistency_group.this.status}"
  }

  assert {
    condition     = output.snapshot_id == null
    error_message = "no snapshot was asked for"
  }
}

run "with_a_snapshot" {
  variables {
    name          = "module-test"
    share_type    = "default"
    share_network = "sn-default"
    snapshot_name = "before-upgrade"
  }

  assert {
    condition     = output.snapshot_id != null
    error_message = "the snapshot was not taken"
  }
}
