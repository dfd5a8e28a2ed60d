package faults

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// Path is the sandbox's endpoint for faults: GET shows the spec in force and
// the counts, POST replaces the spec (the body is a spec, as text, or
// {"spec": "..."}), DELETE clears it.
const Path = "/_sandbox/faults"

// status is the body of GET and POST /_sandbox/faults.
type status struct {
	Spec     string           `json:"spec"`
	Injected map[string]int64 `json:"injected"`
}

// ServeHTTP serves Path.
func (i *Injector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
	case http.MethodPost:
		raw, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		text := strings.TrimSpace(string(raw))
		if strings.HasPrefix(text, "{") {
			var body struct {
				Spec string `json:"spec"`
			}
			if err := json.Unmarshal(raw, &body); err != nil {
				http.Error(w, "faults: "+err.Error(), http.StatusBadRequest)
				return
			}
			text = body.Spec
		}
		sp, err := Parse(text)
		if err != nil {
			http.Error(w, "faults: "+err.Error(), http.StatusBadRequest)
			return
		}
		i.Set(sp)
	case http.MethodDelete:
		i.Set(Spec{})
	default:
		w.Header().Set("Allow", "GET, POST, DELETE")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(status{Spec: i.Spec().String(), Injected: i.Counts()})
}
