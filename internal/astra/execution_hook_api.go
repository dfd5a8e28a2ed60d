package astra

import (
	"context"
	"net/http"
	"net/url"
	"slices"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

const (
	executionHookMediaType = "application/astra-executionHook"
	executionHookVersion   = "1.3"
	executionHooksPath     = "core/v1/executionHooks"
)

// Values of an execution hook's action, stage and matchingCriteria type.
var (
	executionHookActions = []string{"snapshot", "backup", "restore", "failover"}
	executionHookStages  = []string{"pre", "post"}
	matchCriterionTypes  = []string{"containerImage", "containerName", "podName", "podLabel", "namespaceName"}
)

// MatchCriterion is one entry of an execution hook's matchingCriteria.
type MatchCriterion struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// MatchingContainer is one container an execution hook's criteria select.
type MatchingContainer struct {
	PodName        string  `json:"podName"`
	PodLabels      []Label `json:"podLabels"`
	ContainerImage string  `json:"containerImage"`
	ContainerName  string  `json:"containerName"`
	NamespaceName  string  `json:"namespaceName"`
}

// ExecutionHook is the API's executionHook resource, version 1.3.
type ExecutionHook struct {
	Type               string              `json:"type"`
	Version            string              `json:"version"`
	ID                 string              `json:"id"`
	Name               string              `json:"name"`
	HookType           string              `json:"hookType"`
	MatchingCriteria   []MatchCriterion    `json:"matchingCriteria"`
	Action             string              `json:"action"`
	Stage              string              `json:"stage"`
	HookSourceID       string              `json:"hookSourceID"`
	Arguments          []string            `json:"arguments"`
	AppID              string              `json:"appID"`
	Enabled            string              `json:"enabled"`
	Description        *string             `json:"description"`
	MatchingContainers []MatchingContainer `json:"matchingContainers"`
	MatchingImages     []string            `json:"matchingImages"`
	Metadata           *Metadata           `json:"metadata"`
}

// ExecutionHookInput is what a user sets on an execution hook.
type ExecutionHookInput struct {
	Name             string
	AppID            string
	HookSourceID     string
	Action           string
	Stage            string
	Arguments        []string
	MatchingCriteria []MatchCriterion
	Enabled          bool
	Description      string
}

// executionHookWrite is the body of POST and PUT: every user field, always,
// so that a PUT leaves nothing of the previous values behind (the API keeps
// the values of absent fields). hookType and appID cannot change; sending
// the stored values is accepted.
type executionHookWrite struct {
	Type             string           `json:"type"`
	Version          string           `json:"version"`
	Name             string           `json:"name"`
	HookType         string           `json:"hookType"`
	MatchingCriteria []MatchCriterion `json:"matchingCriteria"`
	Action           string           `json:"action"`
	Stage            string           `json:"stage"`
	HookSourceID     string           `json:"hookSourceID"`
	Arguments        []string         `json:"arguments"`
	AppID            string           `json:"appID"`
	Enabled          string           `json:"enabled"`
	Description      string           `json:"description"`
}

func (in ExecutionHookInput) body() executionHookWrite {
	b := executionHookWrite{
		Type: executionHookMediaType, Version: executionHookVersion, Name: in.Name, HookType: "custom",
		MatchingCriteria: in.MatchingCriteria, Action: in.Action, Stage: in.Stage, HookSourceID: in.HookSourceID,
		Arguments: in.Arguments, AppID: in.AppID, Enabled: apiBoolString(in.Enabled), Description: in.Description,
	}
	if b.MatchingCriteria == nil {
		b.MatchingCriteria = []MatchCriterion{}
	}
	if b.Arguments == nil {
		b.Arguments = []string{}
	}
	return b
}

func executionHookPath(id string) string { return executionHooksPath + "/" + url.PathEscape(id) }

// CreateExecutionHook creates an execution hook (POST, 201 with the resource).
func (c *Client) CreateExecutionHook(ctx context.Context, in ExecutionHookInput) (*ExecutionHook, error) {
	var out ExecutionHook
	err := c.do(ctx, request{method: http.MethodPost, path: executionHooksPath, mediaType: executionHookMediaType, body: in.body()}, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// GetExecutionHook reads one execution hook; a missing one gives
// apierr.NotFoundError.
func (c *Client) GetExecutionHook(ctx context.Context, id string) (*ExecutionHook, error) {
	var out ExecutionHook
	if err := c.do(ctx, request{method: http.MethodGet, path: executionHookPath(id)}, &out); err != nil {
		return nil, apierr.NotFound("execution hook", id, err)
	}
	return &out, nil
}

// UpdateExecutionHook replaces the user fields of an execution hook (PUT, 204).
func (c *Client) UpdateExecutionHook(ctx context.Context, id string, in ExecutionHookInput) error {
	err := c.do(ctx, request{method: http.MethodPut, path: executionHookPath(id), mediaType: executionHookMediaType, body: in.body()}, nil)
	return apierr.NotFound("execution hook", id, err)
}

// DeleteExecutionHook deletes an execution hook (DELETE, 204).
func (c *Client) DeleteExecutionHook(ctx context.Context, id string) error {
	err := c.do(ctx, request{method: http.MethodDelete, path: executionHookPath(id)}, nil)
	return apierr.NotFound("execution hook", id, err)
}

// ListExecutionHooks lists execution hooks, with an optional filter in the
// API's syntax (field op 'value').
func (c *Client) ListExecutionHooks(ctx context.Context, filter string) ([]ExecutionHook, error) {
	q := url.Values{}
	if filter != "" {
		q.Set("filter", filter)
	}
	var out struct {
		Items []ExecutionHook `json:"items"`
	}
	if err := c.do(ctx, request{method: http.MethodGet, path: executionHooksPath, query: q}, &out); err != nil {
		return nil, err
	}
	return out.Items, nil
}

// FindExecutionHooksByName returns the execution hooks called name, which
// the API keeps unique.
func (c *Client) FindExecutionHooksByName(ctx context.Context, name string) ([]ExecutionHook, error) {
	return c.executionHooksWhere(ctx, "name", name, func(h ExecutionHook) string { return h.Name })
}

// ExecutionHooksUsing returns the execution hooks that run the hook source id.
func (c *Client) ExecutionHooksUsing(ctx context.Context, hookSourceID string) ([]ExecutionHook, error) {
	return c.executionHooksWhere(ctx, "hookSourceID", hookSourceID, func(h ExecutionHook) string { return h.HookSourceID })
}

// executionHooksWhere returns the execution hooks whose field (read by get)
// is value. The condition goes to the API as a filter when the filter
// syntax can carry it, and is checked on this side in any case: an API that
// ignored the filter must not make us name unrelated hooks.
func (c *Client) executionHooksWhere(ctx context.Context, field, value string, get func(ExecutionHook) string) ([]ExecutionHook, error) {
	hooks, err := c.ListExecutionHooks(ctx, filterQuery([]filterClause{{field, value}}).Get("filter"))
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(hooks, func(h ExecutionHook) bool { return get(h) != value }), nil
}
