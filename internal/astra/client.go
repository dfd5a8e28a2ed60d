// Package astra is the NetApp Astra Control backend: its REST client and
// the resources and data sources built on it.
//
// The API facts it relies on are in astra.md and NetApp's OpenAPI spec
// astra-openapi-24.02.json, in ../shared/specs beside the repository;
// comments cite them as "astra.md §N".
package astra

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// serviceName names the API in errors.
const serviceName = "Astra Control"

// Client calls the Astra Control REST API of one account.
type Client struct {
	base      *url.URL // endpoint + /accounts/{account_id}
	accountID string
	token     string
	http      *http.Client
}

// NewClient returns a client for settings, or Settings.Validate's error
// naming the missing ones.
func NewClient(s Settings, httpClient *http.Client) (*Client, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	u, err := url.Parse(strings.TrimRight(s.Endpoint, "/"))
	if err != nil || u.Scheme == "" || u.Host == "" {
		return nil, fmt.Errorf("astra endpoint %q is not a URL such as https://astra.example.com", s.Endpoint)
	}
	u = u.JoinPath("accounts", s.AccountID)
	return &Client{base: u, accountID: s.AccountID, token: s.APIToken, http: httpClient}, nil
}

// request describes one API call.
type request struct {
	method string
	path   string // below /accounts/{account_id}/
	query  url.Values
	// mediaType is the Astra resource type, e.g. "application/astra-hookSource".
	mediaType string
	body      any
	// header holds request headers besides the Astra ones (forceUpdate).
	header map[string]string
}

func (r request) operation() string { return r.method + " /" + r.path }

// do sends req and decodes a JSON answer into out (when out is not nil).
func (c *Client) do(ctx context.Context, req request, out any) error {
	u := c.base.JoinPath(strings.Split(req.path, "/")...)
	if len(req.query) > 0 {
		u.RawQuery = encodeQuery(req.query)
	}
	var body io.Reader
	if req.body != nil {
		buf, err := json.Marshal(req.body)
		if err != nil {
			return fmt.Errorf("encoding %s request: %w", req.operation(), err)
		}
		body = bytes.NewReader(buf)
	}
	hreq, err := http.NewRequestWithContext(ctx, req.method, u.String(), body)
	if err != nil {
		return err
	}
	hreq.Header.Set("Authorization", "Bearer "+c.token)
	hreq.Header.Set("Accept", "application/json")
	for k, v := range req.header {
		hreq.Header.Set(k, v)
	}
	if req.body != nil {
		ct := "application/json"
		if req.mediaType != "" {
			ct = req.mediaType + "+json"
		}
		hreq.Header.Set("Content-Type", ct)
	}
	resp, err := c.http.Do(hreq)
	if err != nil {
		return fmt.Errorf("%s API %s: %w", serviceName, req.operation(), err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return fmt.Errorf("%s API %s: reading answer: %w", serviceName, req.operation(), err)
	}
	if resp.StatusCode >= 300 {
		return c.problem(req, resp, data)
	}
	if out != nil && len(data) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			return fmt.Errorf("%s API %s: decoding answer: %w", serviceName, req.operation(), err)
		}
	}
	return nil
}

// encodeQuery encodes a query with %20 for spaces, as the Astra docs show
// (filter=name%20eq%20%27x%27), rather than Go's "+".
func encodeQuery(q url.Values) string {
	return strings.ReplaceAll(q.Encode(), "+", "%20")
}
