# Import a bucket by its ID.
terraform import continuity_astra_bucket.backups 9b296ce0-c545-5022-acfa-1980c5aaea97
