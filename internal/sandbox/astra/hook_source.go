package astra

import (
	"crypto/md5" //nolint:gosec // The API defines sourceMD5Checksum as MD5.
	"encoding/hex"
	"slices"
)

// Hook source constants of the spec (hookSource_1.0_*).
const (
	hookSourceType    = "application/astra-hookSource"
	hookSourcesType   = "application/astra-hookSources"
	hookSourceVersion = "1.0"
	sourceTypeScript  = "script"

	hookSourcesPath = accountsPrefix + "/core/v1/hookSources"
	hookSourcePath  = hookSourcesPath + "/{hookSource_id}"
)

// hookSource is a stored hook source.
type hookSource struct {
	id          string
	name        string
	sourceType  string
	source      string // base64, as sent
	sourceMD5   string
	description *string
	private     bool
	preloaded   bool
	labels      []label
	createdAt   string
	modifiedAt  string
	createdBy   string
	modifiedBy  string
}

// setSource stores source and its checksum: the lowercase hex MD5 of the
// base64 text as sent, not of the decoded script (astra.md §3.3).
func (h *hookSource) setSource(source string) {
	sum := md5.Sum([]byte(source)) //nolint:gosec // The API defines sourceMD5Checksum as MD5.
	h.source = source
	h.sourceMD5 = hex.EncodeToString(sum[:])
}

// clone returns a deep copy of h.
func (h *hookSource) clone() *hookSource {
	c := *h
	c.labels = slices.Clone(h.labels)
	if h.description != nil {
		d := *h.description
		c.description = &d
	}
	return &c
}

// hookSourceBody is hookSource_1.0_get_response_body, fields in the order of
// the spec examples.
type hookSourceBody struct {
	Type              string   `json:"type"`
	Version           string   `json:"version"`
	ID                string   `json:"id"`
	Name              string   `json:"name"`
	Private           string   `json:"private"`
	Preloaded         string   `json:"preloaded"`
	SourceType        string   `json:"sourceType"`
	Source            *string  `json:"source,omitempty"`
	SourceMD5Checksum string   `json:"sourceMD5Checksum"`
	Description       *string  `json:"description,omitempty"`
	Metadata          metadata `json:"metadata"`
}

// body renders h for the API. A private hook source has no source key.
func (h *hookSource) body() hookSourceBody {
	b := hookSourceBody{
		Type:              hookSourceType,
		Version:           hookSourceVersion,
		ID:                h.id,
		Name:              h.name,
		Private:           boolString(h.private),
		Preloaded:         boolString(h.preloaded),
		SourceType:        h.sourceType,
		SourceMD5Checksum: h.sourceMD5,
		Description:       h.description,
		Metadata: metadata{
			Labels:                h.labels,
			CreationTimestamp:     h.createdAt,
			ModificationTimestamp: h.modifiedAt,
			CreatedBy:             h.createdBy,
			ModifiedBy:            h.modifiedBy,
		},
	}
	if b.Metadata.Labels == nil {
		b.Metadata.Labels = []label{}
	}
	if !h.private {
		source := h.source
		b.Source = &source
	}
	return b
}

// boolString renders a boolean the Astra way, as "true" or "false".
func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
