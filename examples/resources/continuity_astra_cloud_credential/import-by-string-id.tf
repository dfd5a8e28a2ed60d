# The import ID is the credential's ID; the key store is not imported.
import {
  to = continuity_astra_cloud_credential.backups
  id = "58e26f6a-a631-5122-8e0e-7afe306675c0"
}
