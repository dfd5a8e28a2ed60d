# "<appMirror_id>" alone, or "<appMirror_id>,<source_app_id>" to say which
# app is source_app_id (reversed is then derived from the direction the
# relationship runs in now).
import {
  to = continuity_astra_app_mirror.wordpress
  id = "512c8dac-b7d4-4be9-836e-ee672965866a,efd639b6-fc92-4112-8841-0c0ab7890ae0"
}
