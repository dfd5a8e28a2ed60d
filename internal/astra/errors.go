package astra

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

// problem is Astra's RFC 7807 error body (application/problem+json).
type problem struct {
	Type          string         `json:"type"`
	Title         string         `json:"title"`
	Detail        string         `json:"detail"`
	Status        string         `json:"status"`
	CorrelationID string         `json:"correlationID"`
	InvalidParams []problemField `json:"invalidParams"`
	InvalidFields []problemField `json:"invalidFields"`
	Schema        string         `json:"schemaValidationFailure"`
}

type problemField struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// problem turns an error answer into an apierr.Error with Astra's problem
// number as the code.
func (c *Client) problem(req request, resp *http.Response, body []byte) error {
	e := &apierr.Error{Service: serviceName, Operation: req.operation(), StatusCode: resp.StatusCode}
	var p problem
	if json.Unmarshal(body, &p) == nil && (p.Type != "" || p.Title != "") {
		if i := strings.LastIndex(p.Type, "/problems/"); i >= 0 {
			e.Code = "problem " + p.Type[i+len("/problems/"):]
		}
		e.Title, e.Message, e.RequestID = p.Title, p.Detail, p.CorrelationID
		for _, f := range append(p.InvalidParams, p.InvalidFields...) {
			e.Fields = append(e.Fields, apierr.Field{Name: f.Name, Reason: f.Reason})
		}
		if p.Schema != "" {
			e.Fields = append(e.Fields, apierr.Field{Name: "schema", Reason: p.Schema})
		}
	} else {
		e.Message = strings.TrimSpace(string(body))
		if len(e.Message) > 512 {
			e.Message = e.Message[:512] + "…"
		}
	}
	switch resp.StatusCode {
	case http.StatusUnauthorized:
		e.Hint = "Check the Astra API token: api_token in the provider's astra block or ASTRA_API_TOKEN."
	case http.StatusNotFound:
		if strings.HasSuffix(e.Code, " 2") && strings.Count(req.path, "/") < 3 {
			e.Hint = "The collection was not found: check the Astra account ID (account_id or ASTRA_ACCOUNT_ID) and the endpoint."
		}
	}
	return e
}

// fieldNamed reports whether the API error names the field, or a field
// below it ("namespaceMapping[0].role" is below "namespaceMapping").
func fieldNamed(e *apierr.Error, name string) bool {
	for _, f := range e.Fields {
		if f.Name == name || strings.HasPrefix(f.Name, name+"[") || strings.HasPrefix(f.Name, name+".") {
			return true
		}
	}
	return false
}
