package astra

import (
	"encoding/json"
	"mime"
	"net/http"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// Media types used in responses.
const (
	mediaJSON    = "application/json"
	mediaProblem = "application/problem+json"
)

// resourceMediaType returns the Astra media type of a resource type, for
// example "application/astra-hookSource+json" for
// "application/astra-hookSource".
func resourceMediaType(resourceType string) string { return resourceType + "+json" }

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

// writeResource answers with one resource of type resourceType, as the
// client's Accept header asks (see negotiate).
func writeResource(w http.ResponseWriter, r *http.Request, status int, resourceType string, v any) *problem {
	return writeJSON(w, status, negotiate(r, resourceMediaType(resourceType)), v)
}

// writeCreated answers a POST on a collection: 201 with the new resource,
// whose Location is the collection's URL and id.
func writeCreated(w http.ResponseWriter, r *http.Request, resourceType, id string, v any) *problem {
	w.Header().Set("Location", backend.BaseURL(r)+r.URL.Path+"/"+id)
	return writeResource(w, r, http.StatusCreated, resourceType, v)
}

// noContent answers 204 without a body, unless the change the handler made
// was refused with p.
func noContent(w http.ResponseWriter, p *problem) *problem {
	if p != nil {
		return p
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// boolString renders a boolean the Astra way, as "true" or "false".
func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
