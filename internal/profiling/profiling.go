// Package profiling lets a provider binary measure itself, for make bench
// and for users who want to know where time and memory go:
//
//   - CONTINUITY_PPROF_DIR=DIR writes a CPU profile (cpu-<pid>.pprof) for
//     the provider's whole life and a heap profile (heap-<pid>.pprof) when
//     it stops; read them with `go tool pprof`.
//   - CONTINUITY_RUSAGE_FILE=FILE writes, when the provider stops, its peak
//     resident set size and CPU time as JSON ({"max_rss_kb", "user_s",
//     "sys_s"}), appending one line per provider process.
//
// Terraform starts one provider process per operation (validate, plan,
// apply), so a directory collects one profile per process.
package profiling

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
)

// Environment variables.
const (
	EnvPprofDir    = "CONTINUITY_PPROF_DIR"
	EnvRusageFile  = "CONTINUITY_RUSAGE_FILE"
	rusageFileMode = 0o644
)

// Start starts what the environment asks for and returns the function that
// finishes it; call that when the provider stops.
func Start() (stop func()) {
	var stops []func()
	if dir := os.Getenv(EnvPprofDir); dir != "" {
		if f, err := os.Create(filepath.Join(dir, fmt.Sprintf("cpu-%d.pprof", os.Getpid()))); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				stops = append(stops, func() {
					pprof.StopCPUProfile()
					_ = f.Close()
					writeHeap(dir)
				})
			}
		}
	}
	if file := os.Getenv(EnvRusageFile); file != "" {
		stops = append(stops, func() { writeRusage(file) })
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}

func writeHeap(dir string) {
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("heap-%d.pprof", os.Getpid())))
	if err != nil {
		return
	}
	defer f.Close()
	runtime.GC()
	_ = pprof.WriteHeapProfile(f)
}

// Usage is what CONTINUITY_RUSAGE_FILE records of one process.
type Usage struct {
	PID      int     `json:"pid"`
	MaxRSSKB int64   `json:"max_rss_kb"`
	UserS    float64 `json:"user_s"`
	SysS     float64 `json:"sys_s"`
}

// Self returns the process's own usage so far (zero where the system has
// no getrusage).
func Self() Usage {
	u := self()
	u.PID = os.Getpid()
	return u
}

func writeRusage(file string) {
	line, err := json.Marshal(Self())
	if err != nil {
		return
	}
	f, err := os.OpenFile(file, os.O_CREATE|os.O_WRONLY|os.O_APPEND, rusageFileMode)
	if err != nil {
		return
	}
	defer f.Close()
	_, _ = f.Write(append(line, '\n'))
}
