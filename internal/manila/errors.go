package manila

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/gophercloud/gophercloud/v2"
)

// Service names used in errors.
const (
	serviceManila   = "OpenStack Manila"
	serviceKeystone = "OpenStack Keystone"
)

// genericNotFound is the explanation of a bare webob HTTPNotFound: what
// Manila answers for a method that does not exist at the requested
// microversion (or without the experimental header), and for an action on
// an unknown ID. A missing consistency group or cgsnapshot is reported
// with its ID instead.
const genericNotFound = "The resource could not be found."

// ErrNoConsistencyGroups says that the server has no consistency-group API.
var ErrNoConsistencyGroups = errors.New("this Manila server has no consistency-group API: consistency groups were an experimental API " +
	"of microversions 2.4 to 2.30 and were replaced by share groups in microversion 2.31 (Ocata)")

// unexpected returns the gophercloud response error inside err, if any.
func unexpected(err error) (gophercloud.ErrUnexpectedResponseCode, bool) {
	var value gophercloud.ErrUnexpectedResponseCode
	if errors.As(err, &value) {
		return value, true
	}
	var ptr *gophercloud.ErrUnexpectedResponseCode
	if errors.As(err, &ptr) && ptr != nil {
		return *ptr, true
	}
	return gophercloud.ErrUnexpectedResponseCode{}, false
}

// decodeFault fills e from an error body: Manila's Fault
// {"<name>": {"code", "message"}}, Keystone's {"error": {"code",
// "message", "title"}}, or webob's bare {"code", "message", "title"}
// (manila.md §3.1, §3.3, §3.4).
func decodeFault(e *apierr.Error, body []byte) {
	var keyed map[string]json.RawMessage
	if json.Unmarshal(body, &keyed) == nil {
		if len(keyed) == 1 {
			for name, raw := range keyed {
				var f struct {
					Code    json.RawMessage `json:"code"`
					Message string          `json:"message"`
					Title   string          `json:"title"`
				}
				if json.Unmarshal(raw, &f) == nil && (f.Message != "" || len(f.Code) > 0) {
					e.Code, e.Message = name, f.Message
					if name == "error" {
						e.Code = f.Title
					}
					return
				}
			}
		}
		var bare struct {
			Code    string `json:"code"`
			Message string `json:"message"`
			Title   string `json:"title"`
		}
		if json.Unmarshal(body, &bare) == nil && bare.Message != "" {
			e.Code = bare.Title
			e.Message = strings.TrimSpace(strings.ReplaceAll(bare.Message, "<br />", " "))
			return
		}
	}
	msg := strings.TrimSpace(string(body))
	if len(msg) > 512 {
		msg = msg[:512] + "…"
	}
	e.Message = msg
}

// isUnrouted reports a bare webob 404: the path has no route at all.
func isUnrouted(body []byte) bool {
	var bare struct {
		Code string `json:"code"`
	}
	return json.Unmarshal(body, &bare) == nil && bare.Code == "404 Not Found"
}

// apiError converts an error of a call to Manila (or of the Keystone
// authentication behind it) into an *apierr.Error; other errors (network,
// context) are wrapped with the operation.
func apiError(operation string, err error) error {
	if err == nil {
		return nil
	}
	// A failed reauthentication reports Keystone's answer, not the 401
	// that triggered it (gophercloud does not unwrap this error).
	var reauth *gophercloud.ErrUnableToReauthenticate
	if errors.As(err, &reauth) && reauth.ErrReauth != nil {
		err = reauth.ErrReauth
	}
	resp, ok := unexpected(err)
	if !ok {
		return fmt.Errorf("%s API %s: %w", serviceManila, operation, err)
	}
	service := serviceManila
	if strings.HasSuffix(urlPath(resp.URL), "/auth/tokens") {
		service, operation = serviceKeystone, resp.Method+" "+urlPath(resp.URL)
	}
	e := &apierr.Error{Service: service, Operation: operation, StatusCode: resp.Actual}
	decodeFault(e, resp.Body)
	for _, h := range []string{"X-Compute-Request-Id", "X-Openstack-Request-Id"} {
		if id := resp.ResponseHeader.Get(h); id != "" {
			e.RequestID = id
			break
		}
	}
	switch {
	case resp.Actual == http.StatusUnauthorized:
		e.Hint = "Keystone refused the credentials or the token. Check manila.user_name and manila.password (OS_USERNAME, OS_PASSWORD), " +
			"the application credential (OS_APPLICATION_CREDENTIAL_ID, OS_APPLICATION_CREDENTIAL_SECRET), the domains and the project, " +
			"or the clouds.yaml entry named by manila.cloud (OS_CLOUD)."
	case resp.Actual == http.StatusNotFound && isUnrouted(resp.Body) &&
		(strings.Contains(urlPath(resp.URL), "/"+cgPath) || strings.Contains(urlPath(resp.URL), "/"+cgsnapshotPath)):
		e.Hint = ErrNoConsistencyGroups.Error() + ": use continuity_manila_share_group and continuity_manila_share_group_snapshot, " +
			"or a Manila of Newton or earlier."
	case resp.Actual == http.StatusNotFound && isUnrouted(resp.Body):
		e.Hint = "The Manila server has no route for this path: its release predates this part of the API, or a proxy in front of it " +
			"does not pass it on."
	case resp.Actual == http.StatusNotAcceptable:
		e.Hint = "The server refused the negotiated microversion; this is a bug in the provider or a server behind a proxy that changed versions. Please report it."
	}
	return e
}

// urlPath returns the path of a URL string.
func urlPath(s string) string {
	if u, err := url.Parse(s); err == nil {
		return u.Path
	}
	return s
}

// notFound wraps a 404 that names the missing object as apierr.NotFound.
// The generic 404 of a method missing at this microversion is not a
// deletion: it is returned as is, with a hint.
func notFound(kind, id string, err error) error {
	var e *apierr.Error
	if errors.As(err, &e) && e.StatusCode == http.StatusNotFound && e.Service == serviceManila && e.Message == genericNotFound {
		if e.Hint == "" {
			e.Hint = "Manila answered as if this API did not exist at the negotiated microversion with the experimental header; " +
				"check the Manila release behind the endpoint."
		}
		return err
	}
	return apierr.NotFound(kind, id, err)
}

// apierrNotFound wraps any 404 as apierr.NotFound: for the admin actions,
// whose 404 never names the object, and for lookups.
func apierrNotFound(kind, id string, err error) error { return apierr.NotFound(kind, id, err) }

// objectNotFound wraps Manila's 404 for an object of a route that exists
// at every microversion the caller uses (shares, snapshots: their show
// answers a bare HTTPNotFound) as apierr.NotFound; a path without a route
// is not a missing object.
func objectNotFound(kind, id string, err error) error {
	var e *apierr.Error
	if errors.As(err, &e) && e.StatusCode == http.StatusNotFound && e.Code == "Not Found" {
		return err
	}
	return apierr.NotFound(kind, id, err)
}

// isStatusConflict reports Manila's 409 for an object whose status does
// not allow the operation yet.
func isStatusConflict(err error) bool {
	var e *apierr.Error
	return errors.As(err, &e) && e.StatusCode == http.StatusConflict && strings.Contains(e.Message, "status must be")
}

// isNotFoundStatus reports an API error with status 404, whatever it names.
func isNotFoundStatus(err error) bool {
	var e *apierr.Error
	return errors.As(err, &e) && e.StatusCode == http.StatusNotFound
}
