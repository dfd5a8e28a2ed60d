package sdrs

import (
	"net/http"
	"time"
)

// Quotas of the project (sdrs.md §16): protection groups and replication
// pairs, the pairs created with protected instances included. They are
// larger than the API's example (50 and 100) so that the acceptance tests
// that share a sandbox never meet them [I].
const (
	quotaServerGroups = 200
	quotaReplications = 1000
)

// showQuota answers GET /sdrs/quotas with the live counts.
func (a *API) showQuota(w http.ResponseWriter, _ *http.Request, _ []byte, _ time.Time) *apiError {
	writeJSON(w, http.StatusOK, map[string]any{"quotas": map[string]any{"resources": []map[string]any{
		{"type": "server_groups", "used": a.groups.Len(), "quota": quotaServerGroups, "min": 0, "max": -1},
		{"type": "replications", "used": a.pairs.Len(), "quota": quotaReplications, "min": 0, "max": -1},
	}}})
	return nil
}
