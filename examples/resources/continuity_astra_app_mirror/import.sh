# Import an AppMirror by its ID. The app replication currently runs from
# becomes source_app_id, and reversed is false.
terraform import continuity_astra_app_mirror.wordpress 512c8dac-b7d4-4be9-836e-ee672965866a

# Or name the app you configure as source_app_id after a comma: when the
# relationship currently runs towards that app (it was reversed), reversed is
# imported as true.
terraform import continuity_astra_app_mirror.wordpress 512c8dac-b7d4-4be9-836e-ee672965866a,efd639b6-fc92-4112-8841-0c0ab7890ae0
