# Import an AppMirror by its ID. The provider tells the app you replicate
# (created before the relationship) from the app Astra Control created for it
# (created with the relationship) by their creation times: the first becomes
# source_app_id, and reversed says whether replication now runs towards it.
terraform import continuity_astra_app_mirror.wordpress 512c8dac-b7d4-4be9-836e-ee672965866a

# To say which app is source_app_id, add its ID after a comma.
terraform import continuity_astra_app_mirror.wordpress 512c8dac-b7d4-4be9-836e-ee672965866a,efd639b6-fc92-4112-8841-0c0ab7890ae0
