# The import ID is <app_id>/<schedule_id>.
import {
  to = continuity_astra_app_schedule.nightly
  id = "7be5ae7c-151d-4230-ac39-ac1d0b33c2a9/49cbc480-5f7d-41e2-8f30-52b9a83a03b1"
}
