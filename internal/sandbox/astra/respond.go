package astra

import (
	"encoding/json"
	"mime"
	"net/http"
	"strings"
)

// Media types used in responses.
const (
	mediaJSON    = "application/json"
	mediaProblem = "application/problem+json"
)

// resourceMediaType returns the Astra media type of a resource type, for
// example "application/astra-hookSource+json" for
// "application/astra-hookSource".
func resourceMediaType(resourceType string) string { //nolint:unparam // One resource type today; AppMirror, packages and hooks follow.
	return resourceType + "+json"
}

// negotiate returns the Content-Type of a single-resource response: the
// Astra media type when the Accept header names it, else application/json
// (astra.md §1.2: a missing Accept or */* gives application/json).
func negotiate(r *http.Request, astraMedia string) string {
	for _, accept := range r.Header.Values("Accept") {
		for _, item := range strings.Split(accept, ",") {
			media, _, err := mime.ParseMediaType(strings.TrimSpace(item))
			if err == nil && strings.EqualFold(media, astraMedia) {
				return astraMedia
			}
		}
	}
	return mediaJSON
}

// writeJSON sends v as JSON with the given status and Content-Type.
func writeJSON(w http.ResponseWriter, status int, contentType string, v any) *problem {
	body, err := json.Marshal(v)
	if err != nil {
		return newProblem(34)
	}
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
	return nil
}

// requestBaseURL returns scheme://host of r, for Location headers.
func requestBaseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
