//go:build !unix

package profiling

// self reports nothing where there is no getrusage (Windows).
func self() Usage { return Usage{} }
