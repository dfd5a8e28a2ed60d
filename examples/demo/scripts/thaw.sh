#!/bin/sh
# End backup mode once the snapshot exists.
set -eu
psql -U postgres -c "SELECT pg_backup_stop();"
