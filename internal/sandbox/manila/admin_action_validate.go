package manila

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
)

// resetStatuses are the statuses reset_status accepts
// (wsgi.AdminActionsMixin.valid_statuses, manila.md §1.5).
var resetStatuses = []string{statusCreating, statusAvailable, statusDeleting, statusError, statusErrorDeleting, "migrating", "migrating_to"}

// authorizeAdmin applies rule:admin_api: a bare HTTPForbidden.
func authorizeAdmin(c *call) *fault {
	if !c.tok.isAdmin() {
		return newFault(http.StatusForbidden, msgForbidden)
	}
	return nil
}

// resetStatusesModern are AdminActionsMixin.valid_statuses on a server of
// Ocata or later, for shares and share groups (manila-groups.md §3.6).
var resetStatusesModern = append(slices.Clone(resetStatuses), "server_migrating")

// snapshotStatuses are SHARE_SNAPSHOT_STATUSES, the statuses a snapshot's
// reset_status accepts (manila-groups.md §4).
var snapshotStatuses = []string{statusAvailable, statusError, statusCreating, statusDeleting, statusErrorDeleting, "manage_starting",
	"manage_error", "unmanage_starting", "unmanage_error", "migrating", "migrating_to", statusRestoring}

// resetStatusBody returns the status of a reset_status body, one of
// allowed (nil: resetStatuses). body['status'] of a non-object raises
// TypeError, a missing key KeyError: both answer "Must specify 'status'".
func resetStatusBody(raw json.RawMessage, allowed []string) (string, *fault) {
	if allowed == nil {
		allowed = resetStatuses
	}
	var body map[string]json.RawMessage
	_ = json.Unmarshal(raw, &body)
	statusRaw, has := body["status"]
	if !has {
		return "", badRequest("Must specify 'status'")
	}
	var status string
	if json.Unmarshal(statusRaw, &status) != nil || !slices.Contains(allowed, status) {
		return "", badRequest("Invalid state. Valid states: " + strings.Join(allowed, ", ") + ".")
	}
	return status, nil
}
