#!/bin/sh
# Checkpoint PostgreSQL so the snapshot holds a consistent state.
set -eu
psql -U postgres -c "CHECKPOINT;"
