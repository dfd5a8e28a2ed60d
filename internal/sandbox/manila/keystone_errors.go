package manila

import (
	"net/http"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// Keystone's error messages (keystone/exception.py, as a production server
// without insecure_debug writes them: the reason of a 401 is never told,
// manila.md §3.4).
const (
	ksUnauthorized   = "The request you have made requires authentication."
	ksNotFound       = "The resource could not be found."
	ksBadRequestTail = " The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error."
	ksMalformedBody  = "Malformed request body." + ksBadRequestTail
)

// keystoneError writes {"error": {"code", "message", "title"}}.
func keystoneError(w http.ResponseWriter, r *http.Request, status int, message string) {
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Keystone uri="`+backend.BaseURL(r)+`/v3"`)
	}
	w.Header().Set("Vary", "X-Auth-Token")
	w.Header().Set("X-Openstack-Request-Id", requestID())
	writeJSON(w, status, object{{"error", object{{"code", status}, {"message", message}, {"title", http.StatusText(status)}}}})
}

// authError is an error of the token request: a status and a message.
type authError struct {
	status  int
	message string
}

func (e *authError) write(w http.ResponseWriter, r *http.Request) {
	keystoneError(w, r, e.status, e.message)
}

func unauthorized() *authError { return &authError{http.StatusUnauthorized, ksUnauthorized} }

// badAuth is Keystone's ValidationError for a missing attribute.
func badAuth(attribute, target string) *authError {
	return &authError{http.StatusBadRequest, "Expecting to find " + attribute + " in " + target + "." + ksBadRequestTail}
}

// tokenNotFound is the answer about a token that is not (or no longer) valid.
func tokenNotFound(id string) *authError {
	return &authError{http.StatusNotFound, "Could not find token: " + id + "."}
}
