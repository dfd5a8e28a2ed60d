package astra

// Credential constants of the spec (credential_1.1_*, astra.md §11).
const (
	credentialType    = "application/astra-credential"
	credentialsType   = "application/astra-credentials"
	credentialVersion = "1.1"
)

// credentialBody is credential_1.1_get_response_body: never the keyStore.
type credentialBody struct {
	Type                string   `json:"type"`
	Version             string   `json:"version"`
	ID                  string   `json:"id"`
	Name                string   `json:"name"`
	KeyType             string   `json:"keyType,omitempty"`
	Valid               string   `json:"valid"`
	ValidFromTimestamp  *string  `json:"validFromTimestamp,omitempty"`
	ValidUntilTimestamp *string  `json:"validUntilTimestamp,omitempty"`
	Metadata            metadata `json:"metadata"`
}

// view renders c.
func (c *credential) view() any {
	return credentialBody{
		Type: credentialType, Version: c.version, ID: c.id, Name: c.name, KeyType: c.keyType, Valid: boolString(c.valid),
		ValidFromTimestamp: c.validFrom, ValidUntilTimestamp: c.validUntil, Metadata: c.metadata(),
	}
}

// credentialFields is credential_1.1_get_response_body as a field tree,
// for filter, orderBy and include.
var credentialFields = fieldObject(withFields(
	scalarFields("type", "version", "id", "name", "keyType", "valid", "validFromTimestamp", "validUntilTimestamp"),
	map[string]*fieldNode{"metadata": metadataFields()},
))
