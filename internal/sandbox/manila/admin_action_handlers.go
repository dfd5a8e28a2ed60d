package manila

// resetStatus is AdminActionsMixin._reset_status.
func resetStatus(c *call, rows adminRows) *fault {
	if f := authorizeAdmin(c); f != nil {
		return f
	}
	status, f := resetStatusBody(c.body)
	if f != nil {
		return f
	}
	row := rows.find(c.tok, c.r.PathValue("id"))
	if row == nil {
		return notFound(msgNotFound)
	}
	row.reset(status)
	writeAccepted(c.w)
	return nil
}

// forceDelete is AdminActionsMixin._force_delete: the row is destroyed at
// once, whatever its status, shares or snapshots.
func forceDelete(c *call, rows adminRows) *fault {
	if f := authorizeAdmin(c); f != nil {
		return f
	}
	id := c.r.PathValue("id")
	if rows.find(c.tok, id) == nil {
		return notFound(msgNotFound)
	}
	rows.remove(id)
	writeAccepted(c.w)
	return nil
}
