# Import a share group snapshot by its ID.
terraform import continuity_manila_share_group_snapshot.nightly 46bf5875-58d6-4816-948f-8828423b0b9f
