package astra

import (
	"context"
	"net/http"
	"net/url"
	"slices"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

const (
	hookSourceMediaType = "application/astra-hookSource"
	hookSourceVersion   = "1.0"
	hookSourcesPath     = "core/v1/hookSources"
)

// HookSource is the API's hookSource resource, version 1.0.
type HookSource struct {
	Type              string    `json:"type"`
	Version           string    `json:"version"`
	ID                string    `json:"id,omitempty"`
	Name              string    `json:"name"`
	Private           string    `json:"private,omitempty"`
	Preloaded         string    `json:"preloaded,omitempty"`
	SourceType        string    `json:"sourceType"`
	Source            *string   `json:"source,omitempty"`
	SourceMD5Checksum string    `json:"sourceMD5Checksum,omitempty"`
	Description       *string   `json:"description,omitempty"`
	Metadata          *Metadata `json:"metadata,omitempty"`
}

// HookSourceInput is what a user sets on a hook source.
type HookSourceInput struct {
	Name        string
	Source      string // base64
	Description string
}

// hookSourceWrite is the body of POST and PUT (additionalProperties: false).
type hookSourceWrite struct {
	Type        string `json:"type"`
	Version     string `json:"version"`
	Name        string `json:"name"`
	SourceType  string `json:"sourceType"`
	Source      string `json:"source"`
	Description string `json:"description"`
}

func (in HookSourceInput) body() hookSourceWrite {
	return hookSourceWrite{Type: hookSourceMediaType, Version: hookSourceVersion, Name: in.Name, SourceType: "script", Source: in.Source, Description: in.Description}
}

// hookSourceList is the collection answer; items are objects unless include
// was given.
type hookSourceList struct {
	Items []HookSource `json:"items"`
}

// CreateHookSource creates a hook source (POST, 201 with the resource).
func (c *Client) CreateHookSource(ctx context.Context, in HookSourceInput) (*HookSource, error) {
	var out HookSource
	err := c.do(ctx, request{method: http.MethodPost, path: hookSourcesPath, mediaType: hookSourceMediaType, body: in.body()}, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// GetHookSource reads one hook source; a missing one gives apierr.NotFoundError.
func (c *Client) GetHookSource(ctx context.Context, id string) (*HookSource, error) {
	var out HookSource
	err := c.do(ctx, request{method: http.MethodGet, path: hookSourcesPath + "/" + url.PathEscape(id)}, &out)
	if err != nil {
		return nil, apierr.NotFound("hook source", id, err)
	}
	return &out, nil
}

// UpdateHookSource replaces the user fields of a hook source (PUT, 204).
func (c *Client) UpdateHookSource(ctx context.Context, id string, in HookSourceInput) error {
	err := c.do(ctx, request{method: http.MethodPut, path: hookSourcesPath + "/" + url.PathEscape(id), mediaType: hookSourceMediaType, body: in.body()}, nil)
	return apierr.NotFound("hook source", id, err)
}

// DeleteHookSource deletes a hook source (DELETE, 204).
func (c *Client) DeleteHookSource(ctx context.Context, id string) error {
	err := c.do(ctx, request{method: http.MethodDelete, path: hookSourcesPath + "/" + url.PathEscape(id)}, nil)
	return apierr.NotFound("hook source", id, err)
}

// ListHookSources lists the hook sources; a non-empty filter, in the API's
// syntax (e.g. "name eq 'x'"), is passed to the API as is.
func (c *Client) ListHookSources(ctx context.Context, filter string) ([]HookSource, error) {
	q := url.Values{}
	if filter != "" {
		q.Set("filter", filter)
	}
	return c.listHookSources(ctx, q)
}

// FindHookSourcesByName returns the hook sources called name. The name goes
// to the API as a filter when the filter syntax can carry it, and is matched
// exactly on this side in any case.
func (c *Client) FindHookSourcesByName(ctx context.Context, name string) ([]HookSource, error) {
	items, err := c.listHookSources(ctx, filterQuery([]filterClause{{"name", name}}))
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(items, func(h HookSource) bool { return h.Name != name }), nil
}

func (c *Client) listHookSources(ctx context.Context, q url.Values) ([]HookSource, error) {
	var out hookSourceList
	if err := c.do(ctx, request{method: http.MethodGet, path: hookSourcesPath, query: q}, &out); err != nil {
		return nil, err
	}
	return out.Items, nil
}
