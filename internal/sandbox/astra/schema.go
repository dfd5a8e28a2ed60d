package astra

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
)

// Patterns of the spec's shared types, copied from components.schemas.
var (
	// type_astra_identifier: a v4 UUID, a v5-style UUID or the nil UUID.
	identifierRe = regexp.MustCompile(`^(?:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}|(0){8}(-(0){4}){3}-(0){12})$`)
	// type_astra_time.
	timeRe = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])-([0][1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(|[.,]([0-9]{1,9}))Z$`)
	// type_base64_data.
	base64Re = regexp.MustCompile(`^([A-Za-z0-9+/]{4})*(([A-Za-z0-9+/]{2})==|([A-Za-z0-9+/]{3})=)?$`)
	// type_dns_1123, the form of names and namespaces.
	dns1123Re = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
	// The sourceMD5Checksum pattern.
	md5Re = regexp.MustCompile(`^([0-9a-fA-F]){32}$`)
)

// objectSchema is the shape of a JSON object body: the keys it may carry
// (additionalProperties is false in every Astra body) and those it must.
//
// Problems: a body that breaks the shape (unknown or missing key, a value of
// the wrong JSON type, a wrong "type" or "version") gives 400 problem 8 with
// schemaValidationFailure; a well-typed value that breaks a constraint on
// its content (length, pattern, enum of a non-discriminating field, decoded
// content) gives 400 problem 9 naming the field in invalidFields.
type objectSchema struct {
	name       string
	properties []string
	required   []string
}

// check verifies the keys of obj.
func (s objectSchema) check(obj map[string]json.RawMessage) *problem {
	keys := make([]string, 0, len(obj))
	for key := range obj {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	for _, key := range keys {
		if !slices.Contains(s.properties, key) {
			return schemaFailure(s.name + ": additional property " + strconv.Quote(key) + " is not allowed")
		}
	}
	for _, key := range s.required {
		if _, ok := obj[key]; !ok {
			return schemaFailure(s.name + ": property " + strconv.Quote(key) + " is missing")
		}
	}
	return nil
}

// stringField returns obj[key] as a string. A present value that is not a
// JSON string (null included) gives problem 8.
func stringField(obj map[string]json.RawMessage, key string) (string, bool, *problem) {
	raw, ok := obj[key]
	if !ok {
		return "", false, nil
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return "", true, schemaFailure("property " + strconv.Quote(key) + " must be a string")
	}
	s, isString := v.(string)
	if !isString {
		return "", true, schemaFailure("property " + strconv.Quote(key) + " must be a string")
	}
	return s, true, nil
}

// stringFields returns the members of obj named by keys as strings; absent
// ones are absent from the map. A present value that is not a JSON string
// gives problem 8.
func stringFields(obj map[string]json.RawMessage, keys ...string) (map[string]*string, *problem) {
	strs := make(map[string]*string, len(keys))
	for _, key := range keys {
		s, ok, p := stringField(obj, key)
		if p != nil {
			return nil, p
		}
		if ok {
			strs[key] = &s
		}
	}
	return strs, nil
}

// checkEnum verifies that obj[key], when present, is one of allowed; a
// mismatch gives problem 8. It is used for "type" and "version", which
// select the schema itself.
func checkEnum(obj map[string]json.RawMessage, key string, allowed ...string) *problem {
	s, ok, p := stringField(obj, key)
	if p != nil || !ok {
		return p
	}
	if !slices.Contains(allowed, s) {
		return schemaFailure("property " + strconv.Quote(key) + " must be one of " + quoteAll(allowed))
	}
	return nil
}

// quoteAll renders values as a comma-separated list of quoted strings.
func quoteAll(values []string) string {
	out := ""
	for i, v := range values {
		if i > 0 {
			out += ", "
		}
		out += strconv.Quote(v)
	}
	return out
}

// fieldErrors collects the invalidFields of problem 9.
type fieldErrors []invalidItem

// add records one invalid field.
func (f *fieldErrors) add(name, reason string) {
	*f = append(*f, invalidItem{Name: name, Reason: reason})
}

// problem returns problem 9 naming every recorded field, or nil.
func (f fieldErrors) problem() *problem {
	if len(f) == 0 {
		return nil
	}
	return invalidFields(9, f...)
}

// checkLength records name when the rune length of value is outside
// [minLen, maxLen].
func (f *fieldErrors) checkLength(name, value string, minLen, maxLen int) {
	n := len([]rune(value))
	switch {
	case n < minLen:
		f.add(name, "must be at least "+strconv.Itoa(minLen)+" characters long")
	case n > maxLen:
		f.add(name, "must be at most "+strconv.Itoa(maxLen)+" characters long")
	}
}

// isJSONArray reports whether raw is a JSON array.
func isJSONArray(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) > 0 && raw[0] == '['
}

// decodeItems decodes an array of objects with the given keys into out,
// strictly: unknown keys, nulls and wrong JSON types give problem 8.
func decodeItems(field string, raw json.RawMessage, keys []string, out any) *problem {
	var items []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil || items == nil {
		return schemaFailure("property " + strconv.Quote(field) + " must be an array of objects")
	}
	for i, item := range items {
		where := field + "[" + strconv.Itoa(i) + "]"
		if item == nil {
			return schemaFailure(where + " must be an object")
		}
		for key, v := range item {
			if !slices.Contains(keys, key) {
				return schemaFailure(where + ": additional property " + strconv.Quote(key) + " is not allowed")
			}
			if bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
				return schemaFailure(where + "." + key + " must not be null")
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(out); err != nil {
		return schemaFailure("property " + strconv.Quote(field) + ": " + err.Error())
	}
	return nil
}
