# Import a share snapshot by its ID.
terraform import continuity_manila_share_snapshot.before_upgrade 6d221c1d-0200-461e-8d20-24b4776b9ddb
