# The script as text, read from a file next to the configuration.
resource "continuity_astra_hook_source" "freeze" {
  name        = "postgres-freeze"
  description = "Checkpoint PostgreSQL before a snapshot"
  content     = file("${path.module}/hooks/freeze.sh")
}

# The script in base64, as the API stores it.
resource "continuity_astra_hook_source" "thaw" {
  name   = "postgres-thaw"
  source = filebase64("${path.module}/hooks/thaw.sh")

  timeouts = {
    create = "2m"
  }
}
