package sandbox

import (
	"log"
	"time"
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
}
