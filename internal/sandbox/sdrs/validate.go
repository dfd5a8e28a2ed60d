package sdrs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
)

// maxNameBytes bounds names and descriptions (64 bytes, not characters).
const maxNameBytes = 64

// validName reports whether name is 1 to 64 bytes of letters, digits, ".",
// "_", "-" and Chinese characters (the zh docs and the SDK allow them).
func validName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("name is required")
	case len(name) > maxNameBytes:
		return fmt.Errorf("name is %d bytes long; at most %d bytes are allowed", len(name), maxNameBytes)
	}
	for _, r := range name {
		switch {
		case r < unicode.MaxASCII && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-'):
		case unicode.Is(unicode.Han, r):
		default:
			return fmt.Errorf("name contains %q; only letters, digits, '.', '_', '-' and Chinese characters are allowed", r)
		}
	}
	return nil
}

// validDescription reports whether a description is at most 64 bytes
// without angle brackets.
func validDescription(d string) error {
	switch {
	case len(d) > maxNameBytes:
		return fmt.Errorf("description is %d bytes long; at most %d bytes are allowed", len(d), maxNameBytes)
	case strings.ContainsAny(d, "<>"):
		return fmt.Errorf("description must not contain < or >")
	}
	return nil
}

// decodeBody decodes a JSON request body wrapped in key, e.g.
// {"server_group": {...}}, into dst. A missing body, invalid JSON, a value
// of the wrong type or a missing key is SDRS.0201.
func decodeBody(body []byte, key string, dst any) *apiError {
	var wrapper map[string]json.RawMessage
	if err := json.Unmarshal(body, &wrapper); err != nil {
		return sdrsError("SDRS.0201", "the body is not a JSON object: "+err.Error())
	}
	inner, ok := wrapper[key]
	if !ok || bytes.Equal(bytes.TrimSpace(inner), []byte("null")) {
		return sdrsError("SDRS.0201", fmt.Sprintf("the body must be {%q: {...}}", key))
	}
	if err := json.Unmarshal(inner, dst); err != nil {
		return sdrsError("SDRS.0201", key+": "+err.Error())
	}
	return nil
}

// checkName refuses a missing or invalid name with SDRS.0202.
func checkName(name *string) *apiError {
	if err := validName(conv.Deref(name)); err != nil {
		return sdrsError("SDRS.0202", err.Error())
	}
	return nil
}

// checkNameAndDescription refuses an invalid name (SDRS.0202) or
// description (SDRS.0212, when one is given).
func checkNameAndDescription(name, description *string) *apiError {
	if e := checkName(name); e != nil {
		return e
	}
	if description != nil {
		if err := validDescription(*description); err != nil {
			return sdrsError("SDRS.0212", err.Error())
		}
	}
	return nil
}

// decodeName decodes a rename body {key: {"name": ...}} and checks the name.
func decodeName(body []byte, key string) (string, *apiError) {
	var req struct {
		Name *string `json:"name"`
	}
	if e := decodeBody(body, key, &req); e != nil {
		return "", e
	}
	if e := checkName(req.Name); e != nil {
		return "", e
	}
	return *req.Name, nil
}

// decodeRequest decodes a request body wrapped in key into a new T
// (decodeBody).
func decodeRequest[T any](body []byte, key string) (*T, *apiError) {
	var req T
	if e := decodeBody(body, key, &req); e != nil {
		return nil, e
	}
	return &req, nil
}
