# Import a share group by its ID.
terraform import continuity_manila_share_group.db f9c1f80c-2392-4e34-bd90-fc89cdc5bf93
