#!/bin/sh
# Nothing to undo after a CHECKPOINT; log the snapshot for the audit trail.
set -eu
echo "snapshot taken at $(date -u +%FT%TZ)"
