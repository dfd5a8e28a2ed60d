# Import a share by its ID.
terraform import continuity_manila_share.db 011d21e2-fbc3-4e4a-9993-9ea223f73264
