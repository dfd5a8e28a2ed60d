# Import an app by its ID: a managed app, a restored app or a clone.
terraform import continuity_astra_app.payments cd7b6d91-fc19-4983-a754-9a7bb4d80a7b
