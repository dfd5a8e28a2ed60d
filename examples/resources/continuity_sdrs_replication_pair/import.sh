# Import a replication pair by its ID.
terraform import continuity_sdrs_replication_pair.data b93bc1c4-67ee-45a1-bc8a-d022fdd28811
