package manila

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/adopt"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

// Manila's creations carry no idempotency token, and names need not be
// unique: when the answer to a creation is lost, the object it may have
// made is the one of the project with the same name (and the other
// attributes the creation set) whose created_at is not before the time the
// first request was sent. Only a single match is adopted (adopt.Create):
// two such objects cannot be told apart.

// createdSince reports whether a created_at of Manila's (UTC without a
// zone, 2015-09-16T09:28:52.880949, or with an offset as the api-ref
// writes it) is not before since, at the second: the database keeps whole
// seconds (manila.md §1.3, §1.5). A time it cannot read does not match.
func createdSince(createdAt string, since time.Time) bool {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, strings.TrimSpace(createdAt)); err == nil {
			return !t.Before(since.Truncate(time.Second))
		}
	}
	return false
}

// lostCreation returns the one object of all that matches, or false when
// none does; several are an error that names them, since the provider
// cannot tell which one its lost request made.
func lostCreation[T any](kind, name string, all []T, since time.Time, match func(*T) bool, id func(*T) string) (*T, bool, error) {
	var found []*T
	for i := range all {
		if match(&all[i]) {
			found = append(found, &all[i])
		}
	}
	switch len(found) {
	case 0:
		return nil, false, nil
	case 1:
		return found[0], true, nil
	}
	ids := make([]string, len(found))
	for i, f := range found {
		ids[i] = id(f)
	}
	return nil, false, fmt.Errorf("the answer to the creation was lost, and %d %ss named %q were created since %s (%s): Manila cannot tell "+
		"which one this request made. Import the one to keep (terraform import) and delete the others", len(found), kind, name,
		since.UTC().Format(time.RFC3339), strings.Join(ids, ", "))
}

// sameString reports whether an optional string the creation sent is the
// one the object holds.
func sameString(sent, held *string) bool {
	return (sent == nil && held == nil) || (sent != nil && held != nil && *sent == *held)
}

// forceDeleted returns the Applied of a force delete: the object is gone,
// or deleting (manila.md §1.5).
func forceDeleted[T any](get func(ctx context.Context, id string) (*T, error), status func(*T) string, id string) func(context.Context) (bool, error) {
	return func(ctx context.Context) (bool, error) {
		obj, err := get(ctx, id)
		switch {
		case apierr.IsNotFound(err):
			return true, nil
		case err != nil:
			return false, err
		}
		return status(obj) == statusDeleting, nil
	}
}

// adminAction sends an admin action (POST …/action, which has no
// idempotency token) through adopt.Action: when its answer is lost, applied
// says whether it took effect before it is sent again.
func (c *Client) adminAction(ctx context.Context, collection, kind, id, name string, value any, applied func(context.Context) (bool, error)) error {
	return adopt.Action{
		Operation: fmt.Sprintf("%s of %s %s", name, kind, id),
		Do:        func(ctx context.Context) error { return c.action(ctx, collection, kind, id, name, value) },
		Applied:   applied,
	}.Run(ctx)
}
