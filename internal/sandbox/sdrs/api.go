// Package sdrs emulates the Huawei Cloud Storage Disaster Recovery Service
// (SDRS) v1 API for the sandbox: AK/SK signature verification as the API
// gateway does it, protection groups with their asynchronous jobs and
// actions (enable, disable, failover, planned failover), replication pairs
// between fixture disks, jobs that stay queryable, and the active-active
// domain, with the API's validation, preconditions and error codes
// (specs/sdrs.md).
//
// It is an independent implementation of the API: it imports nothing from
// the provider nor the Huawei Cloud SDK, so that a misreading of the API
// cannot hide in shared code.
//
// Jobs are timed without goroutines: each lasts Options.Transition from its
// submission, and every request first applies the jobs that have ended.
//
// A job fails on purpose when the description of its object contains
// SANDBOX_FAIL_<OPERATION> (CREATE, DELETE, START, REPROTECT, STOP,
// FAILOVER, REVERSE), so that clients can test their failed-job path.
package sdrs

import (
	"bytes"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// Environment variables exported by the SDRS backend.
const (
	EnvRegion    = "HW_REGION_NAME"
	EnvProjectID = "HW_PROJECT_ID"
	EnvAccessKey = "HW_ACCESS_KEY"
	EnvSecretKey = "HW_SECRET_KEY"
	EnvEndpoint  = "HW_SDRS_ENDPOINT"
	EnvDomainID  = "CONTINUITY_SANDBOX_SDRS_DOMAIN_ID"
	EnvVPCID     = "CONTINUITY_SANDBOX_SDRS_VPC_ID"
	EnvVolumeIDs = "CONTINUITY_SANDBOX_SDRS_VOLUME_IDS"
)

// Options configures the SDRS backend. The zero value is ready to use.
type Options struct {
	// Transition is the duration of each asynchronous job.
	Transition time.Duration
	// Now returns the current time; nil means time.Now. Tests set it to move
	// jobs forward and to sign requests at chosen times.
	Now func() time.Time
}

// API is the SDRS backend. It implements backend.Backend.
type API struct {
	opts Options
	now  func() time.Time

	mu      sync.Mutex
	seq     int
	groups  map[string]*group
	pairs   map[string]*pair
	jobs    map[string]*job
	pending []*job // jobs not yet finished, in submission order
	volumes map[string]*volume
}

var _ backend.Backend = (*API)(nil)

// New returns an SDRS backend holding the deterministic fixtures.
func New(opts Options) *API {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	return &API{
		opts:    opts,
		now:     now,
		groups:  map[string]*group{},
		pairs:   map[string]*pair{},
		jobs:    map[string]*job{},
		volumes: fixtureVolumes(),
	}
}

// Env returns the provider's HW_* variables (the endpoint is baseURL: the
// SDK drops any path of its endpoint, so SDRS is served at the root), then
// the CONTINUITY_SANDBOX_SDRS_* fixture IDs.
func (a *API) Env(baseURL string) []backend.EnvVar {
	return []backend.EnvVar{
		{Name: EnvRegion, Value: Region},
		{Name: EnvProjectID, Value: ProjectID},
		{Name: EnvAccessKey, Value: AccessKey},
		{Name: EnvSecretKey, Value: SecretKey},
		{Name: EnvEndpoint, Value: baseURL},
		{Name: EnvDomainID, Value: DomainID},
		{Name: EnvVPCID, Value: VPCID},
		{Name: EnvVolumeIDs, Value: strings.Join(VolumeIDs, ",")},
	}
}

// Paths of the API, below the project.
const (
	projectPrefix = "/v1/{project_id}"
	groupsPath    = projectPrefix + "/server-groups"
	groupPath     = groupsPath + "/{server_group_id}"
	actionPath    = groupPath + "/action"
	jobPath       = projectPrefix + "/jobs/{job_id}"
	domainsPath   = projectPrefix + "/active-domains"
	pairsPath     = projectPrefix + "/replications"
	pairPath      = pairsPath + "/{replication_id}"
)

// handlerFunc serves one authenticated request once the jobs that ended are
// settled; it runs with the state locked. body is the request body.
type handlerFunc func(w http.ResponseWriter, r *http.Request, body []byte, now time.Time) *apiError

// Register adds every SDRS route to mux, and a fallback under /v1/ that
// answers as the API gateway does for an API that does not exist.
func (a *API) Register(mux *http.ServeMux) {
	routes := []struct {
		method, pattern string
		h               handlerFunc
	}{
		{http.MethodPost, groupsPath, a.createGroup},
		{http.MethodGet, groupsPath, a.listGroups},
		{http.MethodGet, groupPath, a.getGroup},
		{http.MethodPut, groupPath, a.renameGroup},
		{http.MethodDelete, groupPath, a.deleteGroup},
		{http.MethodPost, actionPath, a.groupAction},
		{http.MethodGet, jobPath, a.getJob},
		{http.MethodGet, domainsPath, a.listDomains},
		{http.MethodPost, pairsPath, a.createPair},
		{http.MethodGet, pairsPath, a.listPairs},
		{http.MethodGet, pairPath, a.getPair},
		{http.MethodPut, pairPath, a.renamePair},
		{http.MethodDelete, pairPath, a.deletePair},
	}
	for _, rt := range routes {
		mux.Handle(rt.method+" "+rt.pattern, a.guard(rt.h))
	}
	mux.Handle("/v1/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		backend.MarkUnmatched(r)
		w.Header().Set(headerRequestID, randomHex())
		(&gatewayError{status: http.StatusNotFound, code: gwAPINotFound,
			message: "The API does not exist or has not been published in the environment"}).write(w)
	}))
}

// maxBody is the largest request body the gateway takes (12 MB).
const maxBody = 12 << 20

// guard wraps h with what every route shares, in the gateway's order: the
// request ID, the AK/SK signature, then the project in the path; then it
// settles the jobs that ended and runs h with the state locked.
func (a *API) guard(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set(headerRequestID, randomHex())
		body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
		if err != nil || len(body) > maxBody {
			sdrsError("SDRS.0201", "the request body cannot be read or exceeds 12 MB").write(w)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		now := a.now()
		if gwErr := verifySignature(r, body, now); gwErr != nil {
			gwErr.write(w)
			return
		}
		project := r.PathValue("project_id")
		if project != ProjectID {
			sdrsError("SDRS.0001", "the project "+project+" is not the project of the access key").write(w)
			return
		}
		if header := r.Header.Get("X-Project-Id"); header != "" && header != project {
			sdrsError("SDRS.0001", "X-Project-Id "+header+" differs from the project in the path").write(w)
			return
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		a.settle(now)
		if apiErr := h(w, r, body, now); apiErr != nil {
			apiErr.write(w)
		}
	})
}

// settle applies, in submission order, every pending job that has ended by
// now. It runs with the state locked.
func (a *API) settle(now time.Time) {
	keep := a.pending[:0]
	for _, j := range a.pending {
		if j.end.After(now) {
			keep = append(keep, j)
			continue
		}
		j.finished = true
		if j.failed {
			if j.onFailure != nil {
				j.onFailure(j.end)
			}
		} else if j.onSuccess != nil {
			j.onSuccess(j.end)
		}
	}
	clear(a.pending[len(keep):])
	a.pending = keep
}

// submit records a new job that ends one transition after now. A non-empty
// failCode makes it end in FAIL with that code.
func (a *API) submit(now time.Time, jobType string, entities map[string]string, failCode string) *job {
	a.seq++
	j := &job{
		id:       randomHex(),
		jobType:  jobType,
		seq:      a.seq,
		begin:    now,
		end:      now.Add(a.opts.Transition),
		entities: entities,
	}
	if failCode != "" {
		j.failed = true
		j.errorCode = failCode
		j.failReason = jobFailureReasons[failCode] + " (sandbox fault requested by a " + faultMarker + "* marker in the description)"
	}
	a.jobs[j.id] = j
	a.pending = append(a.pending, j)
	return j
}

// nextSeq numbers objects in creation order, for stable listing.
func (a *API) nextSeq() int {
	a.seq++
	return a.seq
}

// pairsOf returns the replication pairs of a group, oldest first.
func (a *API) pairsOf(groupID string) []*pair {
	var out []*pair
	for _, p := range a.pairs {
		if p.groupID == groupID {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(x, y *pair) int { return x.seq - y.seq })
	return out
}
