# Import a protected instance by its ID. delete_target_server and
# delete_target_eip, which SDRS does not store, are imported as false.
terraform import continuity_sdrs_protected_instance.web 50f5091e-9e9e-473c-a932-2a2cbcbeb1ff
