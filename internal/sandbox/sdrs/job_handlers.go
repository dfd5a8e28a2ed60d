package sdrs

import (
	"net/http"
	"strconv"
	"time"
)

// getJob answers a job, also long after it ended (clients read a finished
// job again, sdrs.md §7).
func (a *API) getJob(w http.ResponseWriter, r *http.Request, _ []byte, now time.Time) *apiError {
	j, ok := a.jobs.Get(r.PathValue("job_id"))
	if !ok {
		return sdrsError("SDRS.0408", "no job has the ID "+strconv.Quote(r.PathValue("job_id")))
	}
	a.observe(j)
	writeJSON(w, http.StatusOK, j.view(now))
	return nil
}
