# Import a consistency group snapshot by its ID.
terraform import continuity_manila_consistency_group_snapshot.nightly b44c894d-4bec-47aa-b389-cc8c6f0044a5
