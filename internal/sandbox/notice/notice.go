// Package notice measures how late clients notice the end of an
// asynchronous transition: the time from the instant a transition ended
// (an SDRS job finished, an AppMirror became established, a Manila group
// became available) to the first read that saw it. Emulators call Observe
// whenever a read returns an object whose last transition has ended; the
// sandbox reports the figures per kind in /_sandbox/metrics.
package notice

import (
	"slices"
	"sync"
	"time"
)

// Recorder collects notice latencies. A nil *Recorder records nothing.
type Recorder struct {
	mu      sync.Mutex
	seen    map[key]bool
	samples map[string][]time.Duration
	now     func() time.Time
}

type key struct {
	id  string
	end time.Time
}

// New returns an empty recorder.
func New() *Recorder {
	return &Recorder{seen: map[key]bool{}, samples: map[string][]time.Duration{}, now: time.Now}
}

// Observe records that a read returned object id of kind (such as
// "sdrs.protection_group.create") whose transition ended at end. Only the
// first read after the end counts; a read before it (the transition is
// still under way) or a repeated read does not.
func (r *Recorder) Observe(kind, id string, end time.Time) {
	if r == nil || end.IsZero() {
		return
	}
	now := r.now()
	if now.Before(end) {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	k := key{id, end}
	if r.seen[k] {
		return
	}
	r.seen[k] = true
	r.samples[kind] = append(r.samples[kind], now.Sub(end))
}

// Stats summarise the latencies of one kind, in seconds.
type Stats struct {
	Count int     `json:"count"`
	P50   float64 `json:"p50_s"`
	P95   float64 `json:"p95_s"`
	Max   float64 `json:"max_s"`
}

// Snapshot returns the figures of every kind.
func (r *Recorder) Snapshot() map[string]Stats {
	out := map[string]Stats{}
	if r == nil {
		return out
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for kind, s := range r.samples {
		sorted := slices.Clone(s)
		slices.Sort(sorted)
		out[kind] = Stats{Count: len(sorted), P50: quantile(sorted, 0.5), P95: quantile(sorted, 0.95), Max: sorted[len(sorted)-1].Seconds()}
	}
	return out
}

// Reset forgets every sample (a benchmark measures one kind at a time).
func (r *Recorder) Reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.seen = map[key]bool{}
	r.samples = map[string][]time.Duration{}
}

// quantile returns the q-quantile of sorted by the nearest-rank method.
func quantile(sorted []time.Duration, q float64) float64 {
	i := int(q*float64(len(sorted)) + 0.999999)
	i = min(max(i, 1), len(sorted))
	return sorted[i-1].Seconds()
}
