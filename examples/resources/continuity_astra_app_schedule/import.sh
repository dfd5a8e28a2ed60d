# Import a schedule by its app's ID and its own ID: <app_id>/<schedule_id>.
terraform import continuity_astra_app_schedule.nightly 7be5ae7c-151d-4230-ac39-ac1d0b33c2a9/49cbc480-5f7d-41e2-8f30-52b9a83a03b1
