terraform {
  required_providers {
    continuity = {
      source = "continuity-dr/continuity"
    }
  }
}

# Credentials and endpoints come from the environment (ASTRA_*, HW_*, OS_*),
# as for the configurations these checks watch; the sandbox's env file sets
# them all.
provider "continuity" {}

# What to watch: the objects of your DR configurations, by ID.
variable "astra_app_id" {
  description = "ID of the Astra Control app that is backed up and replicated."
  type        = string
}

variable "astra_app_mirror_id" {
  description = "ID of its AppMirror relationship."
  type        = string
}

variable "sdrs_protection_group_id" {
  description = "ID of the SDRS protection group."
  type        = string
}

variable "manila_share_id" {
  description = "ID of the replicated Manila share."
  type        = string
}

# The targets.
variable "max_replication_lag_minutes" {
  description = "The AppMirror's last snapshot transfer is at most this old."
  type        = number
  default     = 15
}

variable "max_backup_age_hours" {
  description = "The app has a completed backup at most this old."
  type        = number
  default     = 24
}

variable "max_drill_age_days" {
  description = "The protection group had a DR drill at most this long ago."
  type        = number
  default     = 30
}
