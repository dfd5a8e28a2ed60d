package backend

import (
	"context"
	"net/http"
)

type prefixKey struct{}

// WithPrefix returns r whose path had prefix (such as "/_tenants/t1") taken
// off by the sandbox, which routes a tenant's requests to its emulators.
func WithPrefix(r *http.Request, prefix string) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), prefixKey{}, prefix))
}

// BaseURL returns the URL the client used to reach the emulator:
// scheme://host and the tenant's prefix. Emulators that put URLs in their
// answers (Keystone's catalog, Manila's links) build them on it.
func BaseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	prefix, _ := r.Context().Value(prefixKey{}).(string)
	return scheme + "://" + r.Host + prefix
}
