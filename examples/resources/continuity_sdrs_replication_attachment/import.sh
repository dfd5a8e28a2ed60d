# Import an attachment by <protected_instance_id>/<replication_id>.
terraform import continuity_sdrs_replication_attachment.logs 50f5091e-9e9e-473c-a932-2a2cbcbeb1ff/6568f7c4-0510-4f39-929d-8ffccbd4fd47
