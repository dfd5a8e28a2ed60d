// Package conv holds the small value conversions every backend needs
// between API models (pointers for optional fields) and Terraform values.
// It knows no API; the sandbox may use it too.
package conv

import "time"

// Deref returns *p, or the zero value when p is nil.
func Deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// Ptr returns a pointer to v.
func Ptr[T any](v T) *T { return &v }

// AgeSeconds is how many whole seconds before now t was: the age of a
// snapshot, the lag of a replication. A time ahead of now (clocks apart)
// is 0, not a negative age.
func AgeSeconds(t, now time.Time) int64 {
	if d := now.Sub(t); d > 0 {
		return int64(d / time.Second)
	}
	return 0
}
