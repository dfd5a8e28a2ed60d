package manila

// resetStatus is AdminActionsMixin._reset_status: the status is set at
// once (unless a stall of <kind>.reset_status holds it; a fail sets error).
func (a *API) resetStatus(c *call, rows adminRows) *fault {
	if f := authorizeAdmin(c); f != nil {
		return f
	}
	status, f := resetStatusBody(c.body, rows.statuses)
	if f != nil {
		return f
	}
	row := rows.find(c.tok, c.r.PathValue("id"))
	if row == nil {
		return notFound(msgNotFound)
	}
	op := rows.kind + opResetStatus
	row.reset(op, c.now, status, a.opts.Hooks.Faults.Fail(op))
	a.db.settle(c.now, a.stalled)
	writeAccepted(c.w)
	return nil
}

// forceDelete is AdminActionsMixin._force_delete: the row is destroyed at
// once, whatever its status, shares or snapshots. A stall of
// <kind>.force_delete keeps it deleting until the stall is lifted; a fail
// leaves it in error.
func (a *API) forceDelete(c *call, rows adminRows) *fault {
	if f := authorizeAdmin(c); f != nil {
		return f
	}
	row := rows.find(c.tok, c.r.PathValue("id"))
	if row == nil {
		return notFound(msgNotFound)
	}
	op := rows.kind + opForceDelete
	row.deleting(op, c.now, a.opts.Hooks.Faults.Fail(op))
	if rows.deleteFailure != "" && row.next.status == statusError {
		row.next.status = rows.deleteFailure
	}
	a.db.settle(c.now, a.stalled)
	writeAccepted(c.w)
	return nil
}
