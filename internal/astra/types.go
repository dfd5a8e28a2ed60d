package astra

import "strings"

// The API's types that several objects share.

// Metadata is the API's type_astra_metadata.
type Metadata struct {
	Labels                []Label `json:"labels"`
	CreationTimestamp     string  `json:"creationTimestamp,omitempty"`
	ModificationTimestamp string  `json:"modificationTimestamp,omitempty"`
	CreatedBy             string  `json:"createdBy,omitempty"`
	ModifiedBy            string  `json:"modifiedBy,omitempty"`
}

// Label is one metadata label.
type Label struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// StateDetail is a type_astra_stateDetail.
type StateDetail struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Detail string `json:"detail"`
}

// detailsMessage renders state details as one line, for wait errors.
func detailsMessage(details []StateDetail) string {
	parts := make([]string, 0, len(details))
	for _, d := range details {
		parts = append(parts, d.Title+": "+d.Detail)
	}
	return strings.Join(parts, "; ")
}
