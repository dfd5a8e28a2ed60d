package manila

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// call is one authenticated Manila request after the common checks.
type call struct {
	w            http.ResponseWriter
	r            *http.Request
	tok          *token
	version      version
	experimental bool
	body         json.RawMessage // the JSON body of POST and PUT ("null" when empty)
	now          time.Time
}

// handler serves a call; it returns a fault to send, or nil when it wrote
// the response itself.
type handler func(c *call) *fault

// authenticated wraps a handler that needs a token and nothing else.
func (a *API) authenticated(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := a.callerToken(w, r); ok {
			h(w, r)
		}
	})
}

// begin runs the checks every Manila request passes before its method is
// chosen, in the server's order: the token (keystonemiddleware), then the
// microversion header, then the experimental header (manila.md §1.1).
func (a *API) begin(w http.ResponseWriter, r *http.Request) (*call, bool) {
	t, ok := a.callerToken(w, r)
	if !ok {
		return nil, false
	}
	w.Header().Set("X-Compute-Request-Id", requestID())
	v, f := a.negotiate(w, r)
	if f != nil {
		f.write(w)
		return nil, false
	}
	c := &call{w: w, r: r, tok: t, version: v, now: a.now()}
	if boolFromString(r.Header.Get(headerExperimental)) {
		c.experimental = true
		w.Header().Set(headerExperimental, "True")
	}
	return c, true
}

// readBody reads a JSON request body; an empty body reads as null. A body
// that is not JSON gives 400 "Malformed request body".
func (c *call) readBody() *fault {
	raw, err := io.ReadAll(io.LimitReader(c.r.Body, 1<<20))
	if err != nil {
		return badRequest("Malformed request body")
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		c.body = json.RawMessage("null")
		return nil
	}
	if !json.Valid(raw) {
		return badRequest("Malformed request body")
	}
	c.body = raw
	return nil
}

// checkProject refuses a URL whose project is not the token's.
func (c *call) checkProject() *fault {
	if c.r.PathValue("project_id") != c.tok.projectID {
		return badRequest("Malformed request url")
	}
	return nil
}

// links returns the self and bookmark links of one object.
func (c *call) links(collection, id string) []object {
	base := backend.BaseURL(c.r)
	return []object{
		{{"href", base + "/v2/" + c.tok.projectID + "/" + collection + "/" + id}, {"rel", "self"}},
		{{"href", base + "/" + c.tok.projectID + "/" + collection + "/" + id}, {"rel", "bookmark"}},
	}
}

// allTenants reports whether an admin asked to list every project, with
// Python's truthiness of the raw query value (so all_tenants=0 counts).
func (c *call) allTenants() bool {
	return c.tok.isAdmin() && c.r.URL.Query().Get("all_tenants") != ""
}

// query returns the raw query values.
func (c *call) query() url.Values { return c.r.URL.Query() }

// pyInt parses s as Python's int() does for these parameters.
func pyInt(s string) (int, error) { return strconv.Atoi(strings.TrimSpace(s)) }

// boolFromString is oslo's strutils.bool_from_string(s) with the default
// strict=False: true for 1, t, true, on, y, yes (any case), else false.
func boolFromString(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "t", "true", "on", "y", "yes":
		return true
	}
	return false
}

// uuidLike is oslo's uuidutils.is_uuid_like: a UUID with or without dashes,
// in any case, optionally in braces or with a urn:uuid: prefix.
var uuidLike = regexp.MustCompile(`^(?i)(urn:uuid:)?\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$`)

// uuidString returns v when it is a UUID-like string.
func uuidString(v any) (string, bool) {
	s, ok := v.(string)
	return s, ok && uuidLike.MatchString(s)
}

// entity returns body[name] when the body is an object holding an object
// under name (wsgi.Controller.is_valid_body).
func entity(raw json.RawMessage, name string) (map[string]json.RawMessage, bool) {
	var body map[string]json.RawMessage
	if json.Unmarshal(raw, &body) != nil {
		return nil, false
	}
	var inner map[string]json.RawMessage
	if v, ok := body[name]; !ok || json.Unmarshal(v, &inner) != nil || inner == nil {
		return nil, false
	}
	return inner, true
}

// pySet renders field names as Python 2.7 renders a set of unicode strings
// read from JSON: set([u'a', u'b']).
func pySet(names []string) string {
	slices.Sort(names)
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "u'" + strings.ReplaceAll(n, "'", `\'`) + "'"
	}
	return "set([" + strings.Join(quoted, ", ") + "])"
}

// invalidKeys returns the keys of fields outside allowed.
func invalidKeys(fields map[string]json.RawMessage, allowed ...string) []string {
	var bad []string
	for k := range fields {
		if !slices.Contains(allowed, k) {
			bad = append(bad, k)
		}
	}
	return bad
}

// optionalString decodes a name or description: null, or a string (other
// JSON values are stored as their text, as the database would coerce them).
func optionalString(raw json.RawMessage) *string {
	if raw == nil || string(raw) == "null" {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return &s
	}
	return strPtr(string(raw))
}

// rename applies the name and description an update body holds.
func rename(in map[string]json.RawMessage, name, description **string) {
	if v, ok := in["name"]; ok {
		*name = optionalString(v)
	}
	if v, ok := in["description"]; ok {
		*description = optionalString(v)
	}
}

// decode returns the JSON value of raw.
func decode(raw json.RawMessage) any {
	var v any
	_ = json.Unmarshal(raw, &v)
	return v
}

// truthy is Python's truthiness of a decoded JSON value.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case float64:
		return x != 0
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}
