package astra

import "time"

// transition is one asynchronous operation of an app, a bucket, a snapshot
// or a backup (a manage, a restore, a backup, a deletion …). Like the
// phases of an AppMirror it needs no goroutine: it records when it started
// and how many steps (each Options.Transition long) it lasts, the state a
// request sees follows from the clock, and settle ends it once its time is
// up. While the sandbox's faults stall it (stall=<op>) it does not end; a
// fail=<op> fault, asked when it starts, makes it end in failure.
type transition struct {
	op      string // the operation's name, as faults and notice figures use it: "astra.snapshot.create"
	start   time.Time
	steps   int
	settled bool      // its time was up and settle ended it
	end     time.Time // when it ended, once settled
	held    bool      // a stall held it past its time
	failing bool      // it is to end in failure (fail=)
}

// begin starts the operation op of steps steps at now, and asks the
// sandbox's faults whether it is to fail.
func (a *API) begin(op string, steps int, now time.Time) *transition {
	return &transition{op: op, start: now, steps: max(steps, 1), failing: a.opts.Hooks.Faults.Fail(op)}
}

// due reports whether the operation's time is up at now.
func (t *transition) due(now time.Time, step time.Duration) bool {
	return !now.Before(t.start.Add(time.Duration(t.steps) * step))
}

// at returns the step the operation is in at now, 0 to steps-1, and steps
// once it ended. A stalled operation stays in its last step.
func (t *transition) at(now time.Time, step time.Duration) int {
	if t.settled {
		return t.steps
	}
	if step <= 0 {
		return t.steps - 1
	}
	return min(max(int(now.Sub(t.start)/step), 0), t.steps-1)
}

// failed reports whether the operation ended in failure.
func (t *transition) failed() bool { return t != nil && t.settled && t.failing }

// running reports whether the operation is under way.
func (t *transition) running() bool { return t != nil && !t.settled }

// settleTransition ends t at now when its time is up, unless a stall holds
// it (a later request ends it once the stall is lifted), and reports
// whether it ended now.
func (a *API) settleTransition(t *transition, now time.Time) bool {
	step := a.opts.Transition
	if t == nil || t.settled || !t.due(now, step) {
		return false
	}
	if a.opts.Hooks.Faults.Stall(t.op) {
		t.held = true
		return false
	}
	t.end = t.start.Add(time.Duration(t.steps) * step)
	if t.held {
		t.end = now // it ended when the stall was lifted, as far as anyone can tell
	}
	t.settled = true
	return true
}

// observe reports the end of t, if it ended, to the notice recorder: a
// read of object id saw it.
func (a *API) observe(t *transition, id string) {
	if t != nil && t.settled {
		a.opts.Hooks.Notice.Observe(t.op, id, t.end)
	}
}

// stepOf returns the step t is in now (see at).
func (a *API) stepOf(t *transition) int { return t.at(a.now(), a.opts.Transition) }

// failureDetail is the stateDetail of an operation that an injected fault
// (fail=) made fail. The spec shows no such detail: the type is the
// sandbox's own, and it names the operation.
func failureDetail(t *transition, what string) stateDetailBody {
	return stateDetailBody{
		Type: sandboxDetailBase + "failed", Title: "Operation failed",
		Detail:            what + " failed (" + t.op + ", injected by the sandbox).",
		AdditionalDetails: map[string]any{"operation": t.op},
	}
}
