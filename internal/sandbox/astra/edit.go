package astra

// edit applies change to a copy of *row and stores the copy, unless change
// refuses: a refused request leaves the row as it was. change replaces
// slices and pointers of the copy rather than writing through them, as the
// copy shares them with the row.
func edit[T any](row *T, change func(*T) *problem) *problem {
	next := *row
	if p := change(&next); p != nil {
		return p
	}
	*row = next
	return nil
}
