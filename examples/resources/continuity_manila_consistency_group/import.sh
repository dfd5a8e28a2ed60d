# Import a consistency group by its ID.
terraform import continuity_manila_consistency_group.db 6f519a48-3183-46cf-a32f-41815f813986
