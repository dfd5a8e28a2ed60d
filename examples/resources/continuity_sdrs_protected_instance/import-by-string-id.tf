import {
  to = continuity_sdrs_protected_instance.web
  id = "50f5091e-9e9e-473c-a932-2a2cbcbeb1ff"
}
