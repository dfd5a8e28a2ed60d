# Import a share replica by its ID.
terraform import continuity_manila_share_replica.dr c9f52e33-d780-41d8-89ba-fc06869f465f
