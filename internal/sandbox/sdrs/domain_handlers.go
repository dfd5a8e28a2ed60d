package sdrs

import (
	"net/http"
	"time"
)

// listDomains answers the only active-active domain (sdrs.md §3).
func (a *API) listDomains(w http.ResponseWriter, _ *http.Request, _ []byte, _ time.Time) *apiError {
	writeJSON(w, http.StatusOK, map[string]any{"domains": []any{domainView()}})
	return nil
}
