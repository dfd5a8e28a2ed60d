#!/bin/sh
# Execution hook script for PostgreSQL; the hook passes the stage as $1.
set -eu
case "${1:-}" in
  pre) psql -U postgres -c "CHECKPOINT;" ;;
  post) echo "postgres is running after the action" ;;
  *) echo "usage: $0 pre|post" >&2; exit 1 ;;
esac
