package astra

// Hook source constants of the spec (hookSource_1.0_*).
const (
	hookSourceType    = "application/astra-hookSource"
	hookSourcesType   = "application/astra-hookSources"
	hookSourceVersion = "1.0"
	sourceTypeScript  = "script"
)

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

// view renders h for the API. A private hook source has no source key.
func (h *hookSource) view() any {
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
		Metadata:          h.metadata(),
	}
	if !h.private {
		source := h.source
		b.Source = &source
	}
	return b
}
