// Package apierr is the one way every backend reports an API error: the
// service, the call, the HTTP status, the API's own code and message, and a
// hint that tells the user what to do.
package apierr

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Field is one invalid field or parameter named by an API error.
type Field struct {
	Name   string
	Reason string
}

// Error is an error answered by a backend API.
type Error struct {
	// Service names the API, e.g. "Astra Control".
	Service string
	// Operation names the API call, e.g. "POST /core/v1/hookSources".
	Operation string
	// StatusCode is the HTTP status of the answer.
	StatusCode int
	// Code is the API's own error code, e.g. "problem 10" or "SDRS.1301".
	Code string
	// Title is the API's short description of the error, if it has one.
	Title string
	// Message is the API's own message.
	Message string
	// RequestID is the API's request or correlation ID, if any.
	RequestID string
	// Fields lists the invalid fields or parameters the API named.
	Fields []Field
	// Hint tells the user what to do; when empty a hint is derived from the status.
	Hint string
}

// Error renders the error on one line, with the API's code and message.
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s API %s: HTTP %d", e.Service, e.Operation, e.StatusCode)
	if e.Code != "" || e.Title != "" {
		b.WriteString(" (")
		b.WriteString(strings.TrimSpace(strings.Join(nonEmpty(e.Code, e.Title), ": ")))
		b.WriteString(")")
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	for _, f := range e.Fields {
		fmt.Fprintf(&b, "; %s: %s", f.Name, f.Reason)
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, " [request %s]", e.RequestID)
	}
	return b.String()
}

// Advice returns what the user should do about the error.
func (e *Error) Advice() string {
	if e.Hint != "" {
		return e.Hint
	}
	switch {
	case e.StatusCode == http.StatusUnauthorized:
		return "Check the backend's credentials in the provider configuration or its environment variables."
	case e.StatusCode == http.StatusForbidden:
		return "The credentials are valid but not allowed to do this, or the object is read-only; check the account's role and the object."
	case e.StatusCode == http.StatusNotFound:
		return "The object or one it refers to does not exist; check the IDs in the configuration."
	case e.StatusCode == http.StatusConflict:
		return "The request conflicts with the current state of the API (a duplicate name, or an object busy or in the wrong state); resolve the conflict and apply again."
	case e.StatusCode == http.StatusTooManyRequests:
		return "The API throttled the requests and the retries ran out; apply again later or lower -parallelism."
	case e.StatusCode >= 500:
		return "The API failed or is unavailable and the retries ran out; apply again later."
	case e.StatusCode >= 400:
		return "The API refused the request as invalid; correct the named attributes."
	}
	return ""
}

func nonEmpty(s ...string) []string {
	var out []string
	for _, v := range s {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// StatusCode returns the HTTP status of an API error in err's chain, or 0.
func StatusCode(err error) int {
	var e *Error
	if errors.As(err, &e) {
		return e.StatusCode
	}
	return 0
}
