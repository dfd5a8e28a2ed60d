package sandbox

import (
	"fmt"
	"log"
	"net/url"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/faults"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/manila"
)

// Options configures a sandbox server.
type Options struct {
	// Addr is the listen address, such as "127.0.0.1:8787"; port 0 picks a
	// free port. Empty means "127.0.0.1:0".
	Addr string
	// PublicURL, when set, is the base URL clients reach the sandbox at
	// (written into Env and the env file) instead of the listen address:
	// http://sandbox:8787 for a CI service container, for example.
	PublicURL string
	// Transition is the duration of each asynchronous step of the emulated
	// APIs (AppMirror states, SDRS jobs, Manila statuses).
	Transition time.Duration
	// Logger, when set, receives one line per request. Nil keeps quiet.
	Logger *log.Logger
	// ManilaMaxVersion is the highest Manila microversion the sandbox
	// accepts, such as "2.22" (the default: Newton, the last release with
	// consistency groups).
	ManilaMaxVersion string
	// FixturesFile, when set, is a YAML or JSON document of user-defined
	// fixtures (FixturesSchema) that extend or replace the defaults.
	FixturesFile string
	// StateFile, when set, keeps the emulators' objects across restarts:
	// loaded at start if it exists, written atomically after every change.
	StateFile string
	// Faults is a fault-injection spec (see package faults), such as
	// "5xx=0.2,429=0.1,reset=0.05,reset_after=0.05"; empty injects none.
	// POST /_sandbox/faults changes it while the sandbox serves.
	Faults string
	// backends replaces the emulators, in tests of the server.
	backends []backend.Backend
	// credentials are a tenant's; the zero value the default tenant's.
	credentials credentials
	// ManilaModern emulates a Manila of Ocata or later, where the
	// consistency-group routes are gone (share groups replaced them in
	// 2.31); the maximum microversion then defaults to 2.99.
	ManilaModern bool
}

// validate checks the options that Start cannot fix and returns the
// parsed fault spec.
func (o Options) validate() (faults.Spec, error) {
	if err := manila.CheckMaxVersion(o.ManilaMaxVersion); err != nil {
		return faults.Spec{}, err
	}
	if o.PublicURL != "" {
		if u, err := url.Parse(o.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.Trim(u.Path, "/") != "" {
			return faults.Spec{}, fmt.Errorf("public URL %q: want http://host:port, without a path", o.PublicURL)
		}
	}
	spec, err := faults.Parse(o.Faults)
	if err != nil {
		return faults.Spec{}, fmt.Errorf("faults: %w", err)
	}
	return spec, nil
}
