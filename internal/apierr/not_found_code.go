package apierr

import (
	"errors"
	"net/http"
	"slices"
)

// NotFoundCode is NotFound for APIs that also answer a missing object with
// their own code on another status, such as SDRS's HTTP 400 with
// "SDRS.1013" (protection group not found): err is wrapped as a
// NotFoundError when it is an HTTP 404 or an API error whose Code is one of
// codes; any other error is returned unchanged.
func NotFoundCode(kind, id string, err error, codes ...string) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) && (e.StatusCode == http.StatusNotFound || slices.Contains(codes, e.Code)) {
		return &NotFoundError{Kind: kind, ID: id, Cause: err}
	}
	return err
}
