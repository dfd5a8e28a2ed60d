#!/bin/sh
# Flush and checkpoint before the snapshot is taken.
set -eu
psql -U postgres -c "CHECKPOINT;"
psql -U postgres -c "SELECT pg_backup_start('astra', true);"
