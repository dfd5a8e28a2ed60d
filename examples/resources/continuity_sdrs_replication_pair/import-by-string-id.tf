import {
  to = continuity_sdrs_replication_pair.data
  id = "b93bc1c4-67ee-45a1-bc8a-d022fdd28811"
}
