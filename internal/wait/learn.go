package wait

import (
	"slices"
	"sync"
	"time"
)

// learned holds, per kind of transition, how long the last waits took in
// this provider process (one Terraform operation).
type learned struct {
	mu   sync.Mutex
	seen map[string][]time.Duration
}

// durations is the process's memory of transition lengths.
var durations = &learned{seen: map[string][]time.Duration{}}

// keep is how many recent durations of a kind are remembered.
const keep = 8

func (l *learned) record(kind string, d time.Duration) {
	if kind == "" {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	s := append(l.seen[kind], d)
	if len(s) > keep {
		s = s[len(s)-keep:]
	}
	l.seen[kind] = s
}

// expect returns the shortest recent duration of kind: a wait that sleeps
// until just before it is early rather than late.
func (l *learned) expect(kind string) (time.Duration, bool) {
	if kind == "" {
		return 0, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.seen[kind]
	if len(s) == 0 {
		return 0, false
	}
	return slices.Min(s), true
}

func (l *learned) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seen = map[string][]time.Duration{}
}

// nearEnd is a schedule that knows when the transition should end: it
// sleeps until shortly before, polls every 0.2 s around the end, and falls
// back to base when the transition takes longer than expected.
type nearEnd struct {
	base Schedule
	end  time.Duration
}

const (
	nearEndLead  = 250 * time.Millisecond
	nearEndSlack = 2 * time.Second
	nearEndPoll  = 200 * time.Millisecond
)

// Next implements Schedule.
func (s nearEnd) Next(n int, elapsed time.Duration) time.Duration {
	switch {
	case elapsed < s.end-nearEndLead:
		return max(s.end-nearEndLead-elapsed, nearEndPoll)
	case elapsed < s.end+nearEndSlack:
		return nearEndPoll
	}
	return s.base.Next(n, elapsed)
}

// Linger passes on base's linger.
func (s nearEnd) Linger() time.Duration {
	if l, ok := s.base.(lingerer); ok {
		return l.Linger()
	}
	return 0
}
