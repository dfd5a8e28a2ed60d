package wait

import (
	"sync"
	"time"
)

// learned holds, per kind of transition, when the last waits saw it end in
// this provider process (one Terraform operation).
type learned struct {
	mu   sync.Mutex
	seen map[string][]window
}

// window bounds one transition's length: it had not ended at the read at
// lo, and had at the read at hi.
type window struct{ lo, hi time.Duration }

// durations is the process's memory of transition lengths.
var durations = &learned{seen: map[string][]window{}}

// keep is how many recent waits of a kind are remembered: few, so that
// the memory follows a kind whose transitions get longer or shorter.
const keep = 8

func (l *learned) record(kind string, lo, hi time.Duration) {
	if kind == "" {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	s := append(l.seen[kind], window{lo, hi})
	if len(s) > keep {
		s = s[len(s)-keep:]
	}
	l.seen[kind] = s
}

// expect returns where the recent waits of kind saw their transitions
// end: from the earliest read that had not seen one end to the latest
// that had. Transitions of one length narrow it as the waits' reads
// narrow around the end; transitions of different lengths span it.
func (l *learned) expect(kind string) (window, bool) {
	if kind == "" {
		return window{}, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.seen[kind]
	if len(s) == 0 {
		return window{}, false
	}
	w := s[0]
	for _, x := range s[1:] {
		w.lo, w.hi = min(w.lo, x.lo), max(w.hi, x.hi)
	}
	return w, true
}

func (l *learned) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seen = map[string][]window{}
}

// nearEnd is a schedule that knows when the transition should end: it
// reads through the window the recent waits left, half of it apart
// (at least 0.2 s, and at most what the provider's schedule allows itself:
// a second in the first minute, 5 % of the time waited after it), until a
// while after it, and then falls back to base, for a transition that
// takes longer than expected.
type nearEnd struct {
	base Schedule
	end  window
}

const (
	nearEndSlack = 2 * time.Second
	nearEndPoll  = 200 * time.Millisecond
)

// step is the time between reads in the window at elapsed.
func (s nearEnd) step(elapsed time.Duration) time.Duration {
	most := time.Second
	if elapsed >= time.Minute {
		most = elapsed / 20
	}
	return min(max((s.end.hi-s.end.lo)/2, nearEndPoll), most)
}

// Next implements Schedule.
func (s nearEnd) Next(n int, elapsed time.Duration) time.Duration {
	switch {
	case n == 1:
		// Not before 0.2 s: a read right after the request that started the
		// transition says nothing its answer did not.
		return max(max(s.end.lo, nearEndPoll)-elapsed, 0)
	case elapsed < s.end.hi+nearEndSlack:
		return s.step(elapsed)
	}
	return s.base.Next(n, elapsed)
}

// saw records what a wait of kind that followed schedule s saw: the end
// of the transition between the reads at prev and at read, read being its
// polls-th. One whose first read saw the end learns only that it ended by
// then: when the schedule was a learned one, the window is widened as
// much downwards (at least 0.2 s), so that the next waits start reading
// earlier and find a kind that got quicker. A wait for an operation to
// settle that found none under way (settle, one read) teaches nothing.
func (l *learned) saw(kind string, s Schedule, polls int, settle bool, prev, read time.Duration) {
	learned, isLearned := s.(nearEnd)
	switch {
	case polls == 1 && isLearned:
		l.record(kind, max(0, read-max(learned.end.hi-learned.end.lo, nearEndPoll)), read)
	case polls > 1 || !settle:
		l.record(kind, prev, read)
	}
}

// Linger passes on base's linger.
func (s nearEnd) Linger() time.Duration {
	if l, ok := s.base.(lingerer); ok {
		return l.Linger()
	}
	return 0
}

// Learner is a memory of transition lengths such as each provider process
// keeps for its waits; make bench simulates learned waits with one of its
// own.
type Learner struct{ l learned }

// NewLearner returns an empty memory.
func NewLearner() *Learner { return &Learner{l: learned{seen: map[string][]window{}}} }

// Saw remembers what a wait of kind that followed schedule s saw: the end
// of the transition between the reads at prev and at read, read being its
// polls-th (as the provider's waits learn).
func (x *Learner) Saw(kind string, s Schedule, polls int, prev, read time.Duration) {
	x.l.saw(kind, s, polls, false, prev, read)
}

// Schedule returns the schedule a wait of kind follows: base, or, once
// the kind has been seen, reads near its expected end.
func (x *Learner) Schedule(kind string, base Schedule) Schedule {
	if w, ok := x.l.expect(kind); ok {
		return nearEnd{base: base, end: w}
	}
	return base
}
