import {
  to = continuity_astra_app.payments
  id = "cd7b6d91-fc19-4983-a754-9a7bb4d80a7b"
}
