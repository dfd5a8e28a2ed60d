package astra

import (
	"fmt"
	"strings"
	"time"
)

// Adoption: Astra Control has no idempotency token (astra.md §1.5), so a
// create whose answer was lost (adopt.Create) looks for the object by what
// identifies it, made no earlier than the first request was sent, before it
// sends the request again.

// createdSince reports whether md says the object was created at since or
// later; an object without a readable creation time was not.
func createdSince(md *Metadata, since time.Time) bool {
	if md == nil {
		return false
	}
	t, ok := parseTimestamp(md.CreationTimestamp)
	return ok && !t.Before(since)
}

// adoptFound returns the only object of found that made says a create
// whose answer was lost made (one identified as that object, made since
// the first request), false when there is none, and an error when there
// are several: then the API cannot tell which one the lost answer was
// about, and adopting either could take over an object made by someone
// else. what names what was looked for.
func adoptFound[T any](what string, found []T, made func(*T) bool, id func(*T) string) (*T, bool, error) {
	var candidates []*T
	for i := range found {
		if made(&found[i]) {
			candidates = append(candidates, &found[i])
		}
	}
	switch len(candidates) {
	case 0:
		return nil, false, nil
	case 1:
		return candidates[0], true, nil
	}
	ids := make([]string, len(candidates))
	for i, c := range candidates {
		ids[i] = id(c)
	}
	return nil, false, fmt.Errorf("%d objects match %s (%s) and Astra Control cannot tell which one the lost answer was about; "+
		"import the one to keep with terraform import and delete the others", len(candidates), what, strings.Join(ids, ", "))
}
