package apierr

import (
	"errors"
	"fmt"
	"net/http"
)

// NotFoundError is returned by finders when the object does not exist.
type NotFoundError struct {
	// Kind names the object, e.g. "hook source".
	Kind string
	// ID is the identifier that was looked up.
	ID string
	// Cause is the API's answer, if any.
	Cause error
}

// Error names the missing object.
func (e *NotFoundError) Error() string {
	if e.Cause != nil {
		return fmt.Sprintf("%s %q not found: %s", e.Kind, e.ID, e.Cause)
	}
	return fmt.Sprintf("%s %q not found", e.Kind, e.ID)
}

// Unwrap returns the API's answer.
func (e *NotFoundError) Unwrap() error { return e.Cause }

// NotFound wraps err as a NotFoundError when it is an HTTP 404 answer; any
// other error is returned unchanged.
func NotFound(kind, id string, err error) error {
	if err == nil {
		return nil
	}
	if StatusCode(err) == http.StatusNotFound {
		return &NotFoundError{Kind: kind, ID: id, Cause: err}
	}
	return err
}

// IsNotFound reports whether err says that an object does not exist.
func IsNotFound(err error) bool {
	var nf *NotFoundError
	return errors.As(err, &nf)
}
