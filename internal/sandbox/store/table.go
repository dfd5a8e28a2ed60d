// Package store is the sandbox's one in-memory table, used by every
// emulator for every kind of object, so that no emulator copies the same
// slice bookkeeping.
package store

import "slices"

// Table holds the rows of one kind of object in creation order (lists
// answer in that order, as the real APIs' default sort does). It does not
// lock: an emulator holds one lock over all its tables, so that a rule that
// spans several (a group that still has snapshots cannot be deleted) is
// checked and acted on atomically under parallel requests.
type Table[T any] struct {
	rows []*T
	id   func(*T) string
}

// NewTable returns a table whose rows are identified by id, holding initial.
func NewTable[T any](id func(*T) string, initial ...*T) *Table[T] {
	return &Table[T]{rows: slices.Clone(initial), id: id}
}

// Add appends row.
func (t *Table[T]) Add(row *T) { t.rows = append(t.rows, row) }

// Get returns the row with the given ID.
func (t *Table[T]) Get(id string) (*T, bool) {
	return t.Find(func(r *T) bool { return t.id(r) == id })
}

// Find returns the first row for which match is true.
func (t *Table[T]) Find(match func(*T) bool) (*T, bool) {
	if i := slices.IndexFunc(t.rows, match); i >= 0 {
		return t.rows[i], true
	}
	return nil, false
}

// Any reports whether a row matches.
func (t *Table[T]) Any(match func(*T) bool) bool { return slices.ContainsFunc(t.rows, match) }

// Filter returns the rows for which match is true, in order; a nil match
// returns every row. The slice is the caller's; the rows are shared.
func (t *Table[T]) Filter(match func(*T) bool) []*T {
	out := make([]*T, 0, len(t.rows))
	for _, r := range t.rows {
		if match == nil || match(r) {
			out = append(out, r)
		}
	}
	return out
}

// All returns every row, in order.
func (t *Table[T]) All() []*T { return t.Filter(nil) }

// Len returns the number of rows.
func (t *Table[T]) Len() int { return len(t.rows) }

// Remove deletes the row with the given ID and reports whether it was there.
func (t *Table[T]) Remove(id string) bool {
	return len(t.RemoveFunc(func(r *T) bool { return t.id(r) == id })) > 0
}

// RemoveFunc deletes the rows for which match is true and returns them.
func (t *Table[T]) RemoveFunc(match func(*T) bool) []*T {
	var gone []*T
	t.rows = slices.DeleteFunc(t.rows, func(r *T) bool {
		if match(r) {
			gone = append(gone, r)
			return true
		}
		return false
	})
	return gone
}
