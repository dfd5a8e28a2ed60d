# The RPO-exceeded trend of one day (UTC).
data "continuity_sdrs_rpo_statistics" "day" {
  start_time    = "2026-12-01 00:00:00.000"
  end_time      = "2026-12-01 23:59:59.999"
  resource_type = "replication"
}

output "worst_point" {
  value = try(max([for s in data.continuity_sdrs_rpo_statistics.day.rpo_statistics : s.resource_num]...), 0)
}
