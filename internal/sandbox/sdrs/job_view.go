package sdrs

import (
	"net/http"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
)

// jobTimeFormat is the jobs' timestamp format: ISO 8601 with milliseconds
// and Z (sdrs.md §2.1).
const jobTimeFormat = "2006-01-02T15:04:05.000Z"

// jobView is the answer of GET /jobs/{job_id}.
type jobView struct {
	JobID      string         `json:"job_id"`
	JobType    string         `json:"job_type"`
	BeginTime  string         `json:"begin_time"`
	EndTime    *string        `json:"end_time"`
	Status     string         `json:"status"`
	ErrorCode  *string        `json:"error_code"`
	FailReason *string        `json:"fail_reason"`
	Entities   map[string]any `json:"entities"`
}

func (j *job) view(now time.Time) jobView {
	v := jobView{
		JobID:     j.id,
		JobType:   j.jobType,
		BeginTime: j.begin.UTC().Format(jobTimeFormat),
		Status:    j.status(now),
		Entities:  map[string]any{},
	}
	if j.finished {
		v.EndTime = conv.Ptr(j.end.UTC().Format(jobTimeFormat))
		if j.failed {
			v.ErrorCode, v.FailReason = conv.Ptr(j.errorCode), conv.Ptr(j.failReason)
		}
	}
	for k, val := range j.entities {
		v.Entities[k] = val
	}
	if j.subJobType != "" {
		subs := make([]jobView, 0, len(j.subJobIDs))
		for _, id := range j.subJobIDs {
			sub := jobView{JobID: id, JobType: j.subJobType, BeginTime: v.BeginTime, EndTime: v.EndTime, Status: v.Status,
				ErrorCode: v.ErrorCode, FailReason: v.FailReason, Entities: map[string]any{}}
			for k, val := range j.entities {
				sub.Entities[k] = val
			}
			subs = append(subs, sub)
		}
		// The parent of an action job names the group only in its sub jobs.
		v.Entities = map[string]any{"sub_jobs": subs}
	}
	return v
}

// writeJobID answers an asynchronous call: 200 with the job's ID
// (sdrs.md §1.1: never 201, 202 or 204).
func writeJobID(w http.ResponseWriter, j *job) {
	writeJSON(w, http.StatusOK, map[string]string{"job_id": j.id})
}
