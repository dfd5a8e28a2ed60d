package backend

import (
	"context"
	"net/http"
	"sync/atomic"
)

type unmatchedKey struct{}

// WithUnmatchedFlag returns a copy of r whose context carries a flag that
// MarkUnmatched sets, and the flag itself. The sandbox's metrics middleware
// uses it to count requests that no route of any backend served.
func WithUnmatchedFlag(r *http.Request) (*http.Request, *atomic.Bool) {
	flag := new(atomic.Bool)
	return r.WithContext(context.WithValue(r.Context(), unmatchedKey{}, flag)), flag
}

// MarkUnmatched records that r reached a fallback (not-found) handler rather
// than a real route. It does nothing when r carries no flag, for example when
// a backend is tested on its own.
func MarkUnmatched(r *http.Request) {
	if flag, ok := r.Context().Value(unmatchedKey{}).(*atomic.Bool); ok {
		flag.Store(true)
	}
}
