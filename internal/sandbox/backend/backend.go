// Package backend defines the contract between the sandbox server and the
// emulated APIs (Astra, SDRS, Manila) that it serves on one port.
//
// It is a leaf package so that each emulator can implement the contract
// without importing the sandbox package that composes them.
package backend

import (
	"encoding/json"
	"net/http"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/faults"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/notice"
)

// EnvVar is one environment variable exported by a backend, such as
// ASTRA_ENDPOINT or a CONTINUITY_SANDBOX_* fixture ID.
type EnvVar struct {
	Name  string
	Value string
}

// Backend is one emulated API served by the sandbox.
//
// Register adds the backend's routes to mux. Routes use Go 1.22 patterns
// with a method (for example "GET /accounts/{account_id}/core/v1/hookSources")
// so that the sandbox can count requests per route. A backend may also
// register method-less patterns (to answer "method not allowed" in its own
// error format) and fallback patterns; a fallback handler calls MarkUnmatched.
//
// Env returns the variables that point a client at this backend, given the
// sandbox base URL (no trailing slash): first the provider's own variables,
// then the CONTINUITY_SANDBOX_* fixture IDs.
type Backend interface {
	Register(mux *http.ServeMux)
	Env(baseURL string) []EnvVar
}

// Object is one object an emulator holds, as GET /_sandbox/objects lists it.
type Object struct {
	// Kind names the object as the provider does, with the backend:
	// "astra.hook_source", "sdrs.replication_pair", "manila.consistency_group".
	Kind    string `json:"kind"`
	ID      string `json:"id"`
	Name    string `json:"name,omitempty"`
	Status  string `json:"status,omitempty"`
	Fixture bool   `json:"fixture,omitempty"`
}

// Inventory is implemented by backends that can list the objects they hold,
// so that tests (and users) can see exactly what a sandbox contains: after a
// run under faults, the objects in Terraform's state and nothing else.
type Inventory interface {
	Objects() []Object
}

// Hooks are the sandbox-wide services every emulator uses: faults to
// inject into its asynchronous operations (stall, fail) and the recorder of
// how late clients notice a finished transition. The zero value (nil
// fields) injects and records nothing.
type Hooks struct {
	Faults *faults.Injector
	Notice *notice.Recorder
}

// Stateful is implemented by emulators that can save and restore all they
// hold, for the sandbox's -state FILE: Save's JSON, given back to Load on
// the next start, restores the same objects with the same IDs, statuses
// and pending transitions (whose times are wall-clock times).
type Stateful interface {
	Save() (json.RawMessage, error)
	Load(json.RawMessage) error
}

// Fixtured is implemented by emulators that take user-defined fixtures: the
// backend's section of the -fixtures document. With replace the default
// fixtures go first; otherwise the section's are added to them. A fixture
// whose name or ID is taken is an error that names it.
type Fixtured interface {
	Fixtures(section json.RawMessage, replace bool) error
	// FixtureSchema is the JSON Schema of the section.
	FixtureSchema() json.RawMessage
}
