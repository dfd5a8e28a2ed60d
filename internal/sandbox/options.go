package sandbox

import (
	"log"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/manila"
)

// Options configures a sandbox server.
type Options struct {
	// Addr is the listen address, such as "127.0.0.1:8787"; port 0 picks a
	// free port. Empty means "127.0.0.1:0".
	Addr string
	// Transition is the duration of each asynchronous step of the emulated
	// APIs (AppMirror states, SDRS jobs, Manila statuses).
	Transition time.Duration
	// Logger, when set, receives one line per request. Nil keeps quiet.
	Logger *log.Logger
	// ManilaMaxVersion is the highest Manila microversion the sandbox
	// accepts, such as "2.22" (the default: Newton, the last release with
	// consistency groups).
	ManilaMaxVersion string
	// ManilaModern emulates a Manila of Ocata or later, where the
	// consistency-group routes are gone (share groups replaced them in
	// 2.31); the maximum microversion then defaults to 2.99.
	ManilaModern bool
}

// validate checks the options that Start cannot fix.
func (o Options) validate() error {
	return manila.CheckMaxVersion(o.ManilaMaxVersion)
}
