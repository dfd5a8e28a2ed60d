import {
  to = continuity_astra_bucket.backups
  id = "9b296ce0-c545-5022-acfa-1980c5aaea97"
}
