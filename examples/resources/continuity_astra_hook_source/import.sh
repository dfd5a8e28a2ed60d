# Import a hook source by its ID.
terraform import continuity_astra_hook_source.freeze 2d6154dd-6863-4a26-8017-6be092b8b0bd
