package astra

import (
	"context"
	"net/http"
	"net/url"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

const (
	credentialMediaType = "application/astra-credential"
	credentialVersion   = "1.1"
	credentialsPath     = "core/v1/credentials"
)

// Credential is the API's credential resource (version 1.1). The API
// never returns its keyStore (astra.md §11.2).
type Credential struct {
	Type     string    `json:"type"`
	Version  string    `json:"version"`
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	KeyType  string    `json:"keyType,omitempty"`
	Valid    string    `json:"valid,omitempty"`
	Metadata *Metadata `json:"metadata,omitempty"`
}

// CredentialInput is a credential as POST and PUT send it: KeyStore holds
// the API's base64 values.
type CredentialInput struct {
	Name     string
	KeyType  string
	KeyStore map[string]string
	Valid    bool
	Labels   []Label
}

// credentialWrite is the body of POST and PUT; a PUT "replaces the entire
// stored resource", so it carries the keyStore every time.
type credentialWrite struct {
	Type     string            `json:"type"`
	Version  string            `json:"version"`
	Name     string            `json:"name"`
	KeyType  string            `json:"keyType,omitempty"`
	KeyStore map[string]string `json:"keyStore"`
	Valid    string            `json:"valid"`
	Metadata *metadataWrite    `json:"metadata,omitempty"`
}

// metadataWrite is the labels of a type_astra_metadata_update.
type metadataWrite struct {
	Labels []Label `json:"labels"`
}

func (in CredentialInput) write() credentialWrite {
	w := credentialWrite{Type: credentialMediaType, Version: credentialVersion, Name: in.Name, KeyType: in.KeyType,
		KeyStore: in.KeyStore, Valid: apiBoolString(in.Valid)}
	if in.Labels != nil {
		w.Metadata = &metadataWrite{Labels: in.Labels}
	}
	return w
}

// CreateCredential creates a credential (POST, 201).
func (c *Client) CreateCredential(ctx context.Context, in CredentialInput) (*Credential, error) {
	var out Credential
	if err := c.do(ctx, request{method: http.MethodPost, path: credentialsPath, mediaType: credentialMediaType, body: in.write()}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// GetCredential reads one credential; a missing one gives
// apierr.NotFoundError.
func (c *Client) GetCredential(ctx context.Context, id string) (*Credential, error) {
	var out Credential
	if err := c.do(ctx, request{method: http.MethodGet, path: credentialsPath + "/" + url.PathEscape(id)}, &out); err != nil {
		return nil, apierr.NotFound("credential", id, err)
	}
	return &out, nil
}

// FindCredentialsByName lists the credentials named name (names need not
// be unique). The filter is checked again on this side.
func (c *Client) FindCredentialsByName(ctx context.Context, name string) ([]Credential, error) {
	var out struct {
		Items []Credential `json:"items"`
	}
	if err := c.do(ctx, request{method: http.MethodGet, path: credentialsPath, query: filterQuery([]filterClause{{"name", name}})}, &out); err != nil {
		return nil, err
	}
	matched := make([]Credential, 0, len(out.Items))
	for _, cr := range out.Items {
		if cr.Name == name {
			matched = append(matched, cr)
		}
	}
	return matched, nil
}

// UpdateCredential replaces a credential (PUT, 204).
func (c *Client) UpdateCredential(ctx context.Context, id string, in CredentialInput) error {
	err := c.do(ctx, request{method: http.MethodPut, path: credentialsPath + "/" + url.PathEscape(id), mediaType: credentialMediaType, body: in.write()}, nil)
	return apierr.NotFound("credential", id, err)
}

// DeleteCredential deletes a credential (DELETE, 204). Astra Control does
// not check whether a bucket relies on it.
func (c *Client) DeleteCredential(ctx context.Context, id string) error {
	err := c.do(ctx, request{method: http.MethodDelete, path: credentialsPath + "/" + url.PathEscape(id)}, nil)
	return apierr.NotFound("credential", id, err)
}
