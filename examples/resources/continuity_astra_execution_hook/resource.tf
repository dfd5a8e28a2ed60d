variable "postgres_app_id" {
  description = "ID of the managed PostgreSQL app (in the sandbox: CONTINUITY_SANDBOX_ASTRA_APP_POSTGRES_ID)."
  type        = string
}

# The script the hooks run. create_before_destroy lets Terraform move the
# hooks to another hook source and delete this one in a single apply: the
# API refuses to delete a hook source that a hook still runs.
resource "continuity_astra_hook_source" "postgres" {
  name    = "postgres-hooks"
  content = file("${path.module}/hooks/postgres.sh")

  lifecycle {
    create_before_destroy = true
  }
}

# Checkpoint PostgreSQL before every snapshot, in the primary's postgres
# container only (criteria are RE2 regular expressions, all must match).
resource "continuity_astra_execution_hook" "pre_snapshot" {
  name           = "postgres-pre-snapshot"
  app_id         = var.postgres_app_id
  hook_source_id = continuity_astra_hook_source.postgres.id
  action         = "snapshot"
  stage          = "pre"
  arguments      = ["pre"]
  description    = "Checkpoint before snapshots"

  matching_criteria = [
    { type = "containerImage", value = "(^|/)postgres:" },
    { type = "podLabel", value = "^role=primary$" },
  ]
}

# After an AppMirror failover, on the destination cluster.
resource "continuity_astra_execution_hook" "post_failover" {
  name           = "postgres-post-failover"
  app_id         = var.postgres_app_id
  hook_source_id = continuity_astra_hook_source.postgres.id
  action         = "failover"
  stage          = "post" # restore and failover hooks run only after the action
  arguments      = ["post"]

  matching_criteria = [
    { type = "containerName", value = "^postgres$" },
  ]
}

output "containers_checkpointed" {
  value = continuity_astra_execution_hook.pre_snapshot.matching_images
}
