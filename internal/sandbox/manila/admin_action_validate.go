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

// resetStatusBody returns the status of a reset_status body. body['status']
// of a non-object raises TypeError, a missing key KeyError: both answer
// "Must specify 'status'".
func resetStatusBody(raw json.RawMessage) (string, *fault) {
	var body map[string]json.RawMessage
	_ = json.Unmarshal(raw, &body)
	statusRaw, has := body["status"]
	if !has {
		return "", badRequest("Must specify 'status'")
	}
	var status string
	if json.Unmarshal(statusRaw, &status) != nil || !slices.Contains(resetStatuses, status) {
		return "", badRequest("Invalid state. Valid states: " + strings.Join(resetStatuses, ", ") + ".")
	}
	return status, nil
}
