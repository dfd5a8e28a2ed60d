# Import a protection group by its ID; enabled and priority_station are read from the group.
terraform import continuity_sdrs_protection_group.app a59d008e-4bad-4bf3-9b17-6cc25e7da483
