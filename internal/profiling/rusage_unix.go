//go:build unix

package profiling

import (
	"runtime"
	"syscall"
)

func self() Usage {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return Usage{}
	}
	sec := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	maxRSS := int64(ru.Maxrss) //nolint:unconvert // Maxrss is an int32 on 32-bit systems. Kilobytes, but bytes on macOS.
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		maxRSS /= 1024
	}
	return Usage{MaxRSSKB: maxRSS, UserS: sec(ru.Utime), SysS: sec(ru.Stime)}
}
