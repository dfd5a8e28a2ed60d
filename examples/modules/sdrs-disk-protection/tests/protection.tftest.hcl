# terraform test against the sandbox. TF_VAR_vpc_id and TF_VAR_volume_ids
# come from its fixtures (CONTINUITY_SANDBOX_SDRS_VPC_ID and two of
# CONTINUITY_SANDBOX_SDRS_VOLUME_IDS).
run "refuses_a_name_sdrs_refuses" {
  command = plan

  variables {
    name = "my group"
  }

  expect_failures = [var.name]
}

run "creates_the_pairs" {
  variables {
    name = "module-test"
  }

  assert {
    condition     = output.status == "available"
    error_message = "a new group is available (protection off), got ${output.status}"
  }

  assert {
    condition     = length(output.dr_volume_ids) == length(continuity_sdrs_replication_pair.this)
    error_message = "one DR disk per production disk"
  }
}

run "enables_protection" {
  variables {
    name    = "module-test"
    enabled = true
  }

  assert {
    condition     = output.status == "protected"
    error_message = "enabled protection gives status protected, got ${output.status}"
  }
}
