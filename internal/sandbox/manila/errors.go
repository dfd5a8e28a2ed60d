package manila

import "net/http"

// faultNames maps statuses to the keys of Manila's Fault bodies
// (wsgi.Fault._fault_names, manila.md §3.1); any other status is a
// computeFault.
var faultNames = map[int]string{
	http.StatusBadRequest:            "badRequest",
	http.StatusUnauthorized:          "unauthorized",
	http.StatusForbidden:             "forbidden",
	http.StatusNotFound:              "itemNotFound",
	http.StatusMethodNotAllowed:      "badMethod",
	http.StatusConflict:              "conflictingRequest",
	http.StatusRequestEntityTooLarge: "overLimit",
	http.StatusUnsupportedMediaType:  "badMediaType",
	http.StatusNotImplemented:        "notImplemented",
	http.StatusServiceUnavailable:    "serviceUnavailable",
}

// Default explanations of webob's exceptions, used when the server raises
// one without its own explanation.
const (
	msgNotFound  = "The resource could not be found."
	msgForbidden = "Access was denied to this resource."
)

// fault is a Manila error: {"<name>": {"code": N, "message": "..."}}.
type fault struct {
	status  int
	message string
}

func newFault(status int, message string) *fault { return &fault{status: status, message: message} }

func badRequest(message string) *fault { return newFault(http.StatusBadRequest, message) }

func notFound(message string) *fault { return newFault(http.StatusNotFound, message) }

func conflict(message string) *fault { return newFault(http.StatusConflict, message) }

// write sends the fault body as Fault.__call__ does.
func (f *fault) write(w http.ResponseWriter) {
	name, ok := faultNames[f.status]
	if !ok {
		name = "computeFault"
	}
	writeJSON(w, f.status, object{{name, object{{"code", f.status}, {"message", f.message}}}})
}

// invalidVersionFormat is the 400 of a microversion header that is not
// MajorNum.MinorNum (manila.md §1.1).
func invalidVersionFormat(header string) *fault {
	return badRequest("API Version String " + header + " is of invalid format. Must be of format MajorNum.MinorNum.")
}

// unsupportedVersion is the 406 of a microversion outside the server's range.
func unsupportedVersion(requested string, minimum, maximum version) *fault {
	return newFault(http.StatusNotAcceptable, "Version "+requested+" is not supported by the API. Minimum is "+
		minimum.String()+" and maximum is "+maximum.String()+".")
}

// unrouted is the body of webob's bare 404 for a path without a route,
// which never reaches Manila's Fault (manila.md §3.3).
var unrouted = object{
	{"message", "The resource could not be found.<br /><br />\n\n\n"}, {"code", "404 Not Found"}, {"title", "Not Found"},
}
