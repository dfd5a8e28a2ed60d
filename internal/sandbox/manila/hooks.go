package manila

// The sandbox's hooks into the asynchronous operations (backend.Hooks):
// the fault injector stalls or fails them, and the notice recorder learns
// when a client first read the end of one.

// stalled reports whether a stall of the fault injector holds op.
func (a *API) stalled(op string) bool { return a.opts.Hooks.Faults.Stall(op) }

// fails reports whether the operation op on an object named name ends in
// error: the name starts with FailurePrefix, or the fault injector fails op.
func (a *API) fails(op string, name *string) bool {
	return failing(name) || a.opts.Hooks.Faults.Fail(op)
}

// observe tells the notice recorder that a read returned object id, whose
// last transition (if it had one) has ended.
func (a *API) observe(id string, l *lifecycle) {
	if l.last != nil {
		a.opts.Hooks.Notice.Observe(l.last.op, id, l.last.at)
	}
}

// observeGone tells the notice recorder that a read answered 404 for id:
// when a transition destroyed that row, the client has seen it end.
func (a *API) observeGone(id string) {
	if e, ok := a.db.gone[id]; ok {
		delete(a.db.gone, id)
		a.opts.Hooks.Notice.Observe(e.op, id, e.at)
	}
}
