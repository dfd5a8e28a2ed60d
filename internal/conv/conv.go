// Package conv holds the small value conversions every backend needs
// between API models (pointers for optional fields) and Terraform values.
// It knows no API; the sandbox may use it too.
package conv

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
