// Package manila is the OpenStack Manila backend, for every release: a
// client that negotiates the microversion over the whole v2 range (2.0 to
// 2.99) on gophercloud's Keystone authentication, service catalog and
// request plumbing; gophercloud's own packages for shares, snapshots,
// replicas and export locations, and a small typed client of its own on
// gophercloud's ServiceClient where gophercloud has none (consistency
// groups, share groups, group snapshots, group types); and the resources
// and data sources built on them. Each resource refuses at plan time a
// server whose microversions lack its API (Require).
//
// The API facts it relies on are in manila.md and manila-groups.md,
// documents in ../shared/specs beside the repository; comments cite their
// sections as manila.md §N and manila-groups.md §N.
package manila

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/continuity-dr/terraform-provider-continuity/internal/transport"

	"github.com/gophercloud/gophercloud/v2"
	"github.com/gophercloud/gophercloud/v2/openstack"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/apiversions"
)

// Microversions (manila.md §1.1, manila-groups.md §1).
var (
	// OldestMicroversion is the first microversion of the v2 API.
	OldestMicroversion = Version{2, 0}
	// NewestMicroversion is the newest microversion the provider knows: it
	// negotiates no later one, whose rules nobody has read.
	NewestMicroversion = Version{2, 99}
	// plainActions is the first microversion whose action names lost
	// their os- prefix.
	plainActions = Version{2, 7}
)

// experimentalHeader must accompany every call of an experimental API.
const experimentalHeader = "X-OpenStack-Manila-API-Experimental"

// Version is a Manila microversion.
type Version struct{ Major, Minor int }

// ParseVersion parses "2.22": two decimal numbers, with no sign, separated
// by a dot (surrounding spaces are ignored).
func ParseVersion(s string) (Version, error) {
	major, minor, ok := strings.Cut(strings.TrimSpace(s), ".")
	ma, ok1 := decimal(major)
	mi, ok2 := decimal(minor)
	if !ok || !ok1 || !ok2 {
		return Version{}, fmt.Errorf("%q is not a microversion such as 2.22", s)
	}
	return Version{ma, mi}, nil
}

// decimal parses a non-empty string of ASCII digits that fits an int.
func decimal(s string) (int, bool) {
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func (v Version) String() string { return strconv.Itoa(v.Major) + "." + strconv.Itoa(v.Minor) }

// Less reports v < o.
func (v Version) Less(o Version) bool {
	return v.Major < o.Major || (v.Major == o.Major && v.Minor < o.Minor)
}

// Negotiate returns the microversion to use with a server whose v2 API
// spans [serverMin, serverMax]: the highest both sides know. Which parts of
// the API that version has is each resource's concern (Require): the
// consistency groups of Liberty to Newton (2.4 to 2.30), the share groups
// of Ocata and later (2.31 on), and so on.
func Negotiate(serverMin, serverMax string) (Version, error) {
	lo, err := ParseVersion(serverMin)
	if err != nil {
		return Version{}, fmt.Errorf("the Manila version document's min_version: %w", err)
	}
	hi, err := ParseVersion(serverMax)
	if err != nil {
		return Version{}, fmt.Errorf("the Manila version document's version: %w", err)
	}
	switch {
	case hi.Less(lo):
		return Version{}, fmt.Errorf("the Manila version document is inconsistent: min_version %s is above version %s", lo, hi)
	case hi.Less(OldestMicroversion):
		return Version{}, fmt.Errorf("the Manila server's maximum microversion is %s, below %s, the first of the v2 API", hi, OldestMicroversion)
	case NewestMicroversion.Less(lo):
		return Version{}, fmt.Errorf("the Manila server's minimum microversion is %s, above %s, the newest this provider knows: "+
			"upgrade the provider", lo, NewestMicroversion)
	case NewestMicroversion.Less(hi):
		return NewestMicroversion, nil
	}
	return hi, nil
}

// Client calls the Manila consistency-group API. It is built once per
// provider configuration; it authenticates, finds Manila in the catalog
// and negotiates the microversion on first use, so that configurations
// that use no Manila resource never contact Keystone.
type Client struct {
	auth     gophercloud.AuthOptions
	endpoint gophercloud.EndpointOpts
	provider *gophercloud.ProviderClient

	mu      sync.Mutex
	service *gophercloud.ServiceClient
	version Version
}

// NewClient returns a client for resolved settings, sending every request
// through httpClient (the provider's one HTTP stack), re-authentication
// included: the HTTP client is set before any authentication.
func NewClient(r *Resolved, httpClient *http.Client) (*Client, error) {
	provider, err := openstack.NewClient(r.Auth.IdentityEndpoint)
	if err != nil {
		return nil, fmt.Errorf("manila.auth_url (OS_AUTH_URL) %q is not a Keystone URL such as https://keystone.example.com:5000/v3: %w",
			r.Auth.IdentityEndpoint, err)
	}
	if u, err := url.Parse(r.Auth.IdentityEndpoint); err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("manila.auth_url (OS_AUTH_URL) %q is not a Keystone URL such as https://keystone.example.com:5000/v3",
			r.Auth.IdentityEndpoint)
	}
	provider.HTTPClient = *httpClient
	provider.HTTPClient.Transport = tokenRequests{next: httpClient.Transport}
	return &Client{auth: r.Auth, endpoint: r.Endpoint, provider: provider}, nil
}

// tokenRequests marks Keystone's token requests (POST …/auth/tokens) as
// safe to repeat for the provider's HTTP stack: a request for a new token
// changes nothing, so a 5xx or a connection lost after sending does not
// fail the whole run, and gophercloud's reauthentication after a 401 is
// retried the same way. (A 500 to a GET, PUT or DELETE is repeated by the
// shared transport; OpenStack answers any unexpected exception with one.)
type tokenRequests struct{ next http.RoundTripper }

func (t tokenRequests) RoundTrip(req *http.Request) (*http.Response, error) {
	if isTokenRequest(req.Method, req.URL.Path) {
		req = req.WithContext(transport.Idempotent(req.Context()))
	}
	next := t.next
	if next == nil {
		next = http.DefaultTransport
	}
	return next.RoundTrip(req)
}

// isTokenRequest reports Keystone's POST /v3/auth/tokens.
func isTokenRequest(method, path string) bool {
	return method == http.MethodPost && strings.HasSuffix(strings.TrimRight(path, "/"), "/auth/tokens")
}

// serviceClient authenticates on first use, finds Manila v2 in the service
// catalog and negotiates the microversion. A failure is not remembered:
// the next call tries again.
func (c *Client) serviceClient(ctx context.Context) (*gophercloud.ServiceClient, Version, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.service != nil {
		return c.service, c.version, nil
	}
	if err := openstack.Authenticate(ctx, c.provider, c.auth); err != nil {
		if _, ok := unexpected(err); ok {
			return nil, Version{}, apiError("POST /v3/auth/tokens", err)
		}
		return nil, Version{}, fmt.Errorf("authenticating with Keystone at %s: %w", c.auth.IdentityEndpoint, err)
	}
	sc, err := openstack.NewSharedFileSystemV2(c.provider, c.endpoint)
	if err != nil {
		var nf *gophercloud.ErrEndpointNotFound
		if errors.As(err, &nf) {
			return nil, Version{}, fmt.Errorf("the service catalog has no Manila v2 endpoint (type shared-file-system, sharev2 or share) "+
				"with interface %q in region %q: check manila.region (OS_REGION_NAME) and manila.endpoint_type (OS_INTERFACE)",
				c.endpoint.Availability, c.endpoint.Region)
		}
		return nil, Version{}, fmt.Errorf("finding Manila in the service catalog: %w", err)
	}
	doc, err := apiversions.Get(ctx, sc, "v2").Extract()
	if err != nil {
		return nil, Version{}, fmt.Errorf("reading Manila's microversion range: %w", apiError("GET /v2/", err))
	}
	v, err := Negotiate(doc.MinVersion, doc.Version)
	if err != nil {
		return nil, Version{}, err
	}
	sc.Microversion = v.String()
	sc.MoreHeaders = map[string]string{experimentalHeader: "True"}
	c.service, c.version = sc, v
	return sc, v, nil
}

// Microversion returns the negotiated microversion, negotiating it if needed.
func (c *Client) Microversion(ctx context.Context) (Version, error) {
	_, v, err := c.serviceClient(ctx)
	return v, err
}

// call is one request to Manila, relative to the project's endpoint.
type call struct {
	method string
	path   []string // path segments below the endpoint
	query  url.Values
	body   any
	ok     []int // expected statuses; nil for gophercloud's defaults
}

// operation names the call for errors: "GET /consistency-groups/<id>".
func (r call) operation() string { return r.method + " /" + strings.Join(r.path, "/") }

// pathSpans are the API spans the collections of the typed client need:
// a call outside its span fails with a *VersionError before it is sent.
var pathSpans = map[string]*apiSpan{
	cgPath: &consistencyGroupAPI, cgsnapshotPath: &consistencyGroupAPI,
	shareGroupPath: &shareGroupAPI, groupSnapshotPath: &shareGroupAPI, groupTypePath: &shareGroupAPI,
}

// do sends r and decodes the JSON answer into out (when not nil).
func (c *Client) do(ctx context.Context, r call, out any) error {
	sc, v, err := c.serviceClient(ctx)
	if err != nil {
		return err
	}
	if span, ok := pathSpans[r.path[0]]; ok && !span.within(v) {
		return &VersionError{Span: *span, Server: v}
	}
	escaped := make([]string, len(r.path))
	for i, p := range r.path {
		escaped[i] = url.PathEscape(p)
	}
	target := sc.ServiceURL(escaped...)
	if len(r.query) > 0 {
		target += "?" + r.query.Encode()
	}
	opts := &gophercloud.RequestOpts{JSONBody: r.body, OkCodes: r.ok}
	if out != nil {
		opts.JSONResponse = out
	}
	_, err = sc.Request(ctx, r.method, target, opts)
	return apiError(r.operation(), err)
}

// one sends r and returns the object its answer holds under key, as in
// {"consistency_group": {...}}.
func one[T any](ctx context.Context, c *Client, r call, key string) (*T, error) {
	var out map[string]json.RawMessage
	if err := c.do(ctx, r, &out); err != nil {
		return nil, err
	}
	v := new(T)
	if raw, ok := out[key]; ok {
		if err := json.Unmarshal(raw, v); err != nil {
			return nil, fmt.Errorf("%s API %s: decoding %q: %w", serviceManila, r.operation(), key, err)
		}
	}
	return v, nil
}

// action posts an admin action under its name for the negotiated
// microversion. Its 404 does not name the object: it is a not-found.
func (c *Client) action(ctx context.Context, collection, kind, id, name string, value any) error {
	v, err := c.Microversion(ctx)
	if err != nil {
		return err
	}
	key := actionName(v, name)
	err = c.do(ctx, call{method: http.MethodPost, path: []string{collection, id, "action"}, body: map[string]any{key: value}}, nil)
	return apierrNotFound(kind, id, err)
}

// actionName returns the name of an admin action at the negotiated
// microversion: os-<name> up to 2.6, <name> from 2.7 (manila.md §1.2).
func actionName(v Version, name string) string {
	if v.Less(plainActions) {
		return "os-" + name
	}
	return name
}

// pageSize is the limit of each page when listing (tests make it small).
var pageSize = 100

// listAll reads every page of a list: offset moves by the page size until
// a page comes back short (the offset-based paging Manila's lists use,
// manila.md §3.2).
func listAll[T any](ctx context.Context, c *Client, path []string, key string, query url.Values) ([]T, error) {
	var all []T
	for offset := 0; ; offset += pageSize {
		q := url.Values{}
		for k, v := range query {
			q[k] = v
		}
		q.Set("limit", strconv.Itoa(pageSize))
		q.Set("offset", strconv.Itoa(offset))
		var page map[string]json.RawMessage
		if err := c.do(ctx, call{method: http.MethodGet, path: path, query: q}, &page); err != nil {
			return nil, err
		}
		var items []T
		if raw, ok := page[key]; ok {
			if err := json.Unmarshal(raw, &items); err != nil {
				return nil, fmt.Errorf("%s API GET /%s: decoding %q: %w", serviceManila, strings.Join(path, "/"), key, err)
			}
		}
		all = append(all, items...)
		if len(items) < pageSize {
			return all, nil
		}
	}
}
