package sdrs

import (
	"net/http"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// rpoStatistic is an RPO-exceeded trend record (sdrs.md §17).
type rpoStatistic struct {
	id          string
	pointTime   time.Time
	resourceNum int
	createdAt   time.Time
}

// rpoRecordCount is the number of records the sandbox holds: one per five
// minutes before its start.
const rpoRecordCount = 6

// fixtureRPOStatistics returns the records of the last half hour before
// start, oldest first, each created a few seconds after its point.
func fixtureRPOStatistics(start time.Time) []*rpoStatistic {
	base := start.UTC().Truncate(5 * time.Minute)
	out := make([]*rpoStatistic, 0, rpoRecordCount)
	for i := rpoRecordCount; i >= 1; i-- {
		point := base.Add(-time.Duration(i) * 5 * time.Minute)
		out = append(out, &rpoStatistic{id: uuid.NewSHA1(fixtureNamespace, []byte("rpo/"+strconv.Itoa(i))).String(), pointTime: point,
			resourceNum: i % 3, createdAt: point.Add(time.Duration(400+i*37) * time.Millisecond)})
	}
	return out
}

// rpoTimeFormat is the filters' and created_at's format, and
// rpoPointFormat point_time's (sdrs.md §17).
const (
	rpoTimeFormat  = "2006-01-02 15:04:05.000"
	rpoPointFormat = "2006-01-02 15:04"
)

// listRPOStatistics answers GET /resource/rpo-statistics: start_time and
// end_time filter on created_at, both ends included (§23 leaves open what
// they filter; the Huawei provider's test passes a record's created_at as
// both and expects it back), resource_type must be replication.
func (a *API) listRPOStatistics(w http.ResponseWriter, r *http.Request, _ []byte, _ time.Time) *apiError {
	q := r.URL.Query()
	p, e := parsePaging(q)
	if e != nil {
		return e
	}
	bound := func(name string) (*time.Time, *apiError) {
		if !q.Has(name) {
			return nil, nil
		}
		t, err := time.Parse(rpoTimeFormat, q.Get(name))
		if err != nil {
			return nil, sdrsError("SDRS.0201", name+" must be yyyy-MM-dd HH:mm:ss.SSS")
		}
		return &t, nil
	}
	from, e := bound("start_time")
	if e != nil {
		return e
	}
	to, e := bound("end_time")
	if e != nil {
		return e
	}
	if q.Has("resource_type") && q.Get("resource_type") != "replication" {
		return sdrsError("SDRS.0201", "resource_type must be replication")
	}
	matched := a.rpo.Filter(func(s *rpoStatistic) bool {
		created := s.createdAt.Truncate(time.Millisecond)
		return (from == nil || !created.Before(*from)) && (to == nil || !created.After(*to))
	})
	writeList(w, "resource_rpo_statistics", matched, p, func(s *rpoStatistic) map[string]any {
		created := s.createdAt.UTC().Format(rpoTimeFormat)
		return map[string]any{"id": s.id, "point_time": s.pointTime.UTC().Format(rpoPointFormat), "resource_num": s.resourceNum,
			"resource_type": "replication", "created_at": created, "updated_at": created}
	})
	return nil
}
