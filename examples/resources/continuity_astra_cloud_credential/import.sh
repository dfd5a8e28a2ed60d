# Import a credential by its ID. Its key store is not imported (Astra
# Control never returns it): put key_store_wo in the configuration; it is
# sent with the next update, or when key_store_wo_version is set or changed.
terraform import continuity_astra_cloud_credential.backups 58e26f6a-a631-5122-8e0e-7afe306675c0
