package astra

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// Limits of hookSource_1.0_* fields.
const (
	maxHookSourceName        = 63
	maxHookSourceSource      = 131072
	maxHookSourceDescription = 511
)

// hookSourcePostSchema is hookSource_1.0_post_request_body.
var hookSourcePostSchema = objectSchema{
	name:       "hookSource_1.0_post_request_body",
	properties: []string{"type", "version", "name", "sourceType", "source", "description", "metadata"},
	required:   []string{"type", "version", "name", "sourceType", "source"},
}

// hookSourcePutSchema is hookSource_1.0_put_request_body: every field of the
// resource may be sent, only type and version must.
var hookSourcePutSchema = objectSchema{
	name: "hookSource_1.0_put_request_body",
	properties: []string{"type", "version", "id", "name", "private", "preloaded", "sourceType", "source",
		"sourceMD5Checksum", "description", "metadata"},
	required: []string{"type", "version"},
}

// hookSourceInput is a validated POST or PUT body; nil means absent.
type hookSourceInput struct {
	id          *string
	name        *string
	sourceType  *string
	source      *string
	description *string
	metadata    metadataUpdate
}

// parseHookSource validates obj against schema (problem 8) and then the
// content of each field (problem 9, every invalid field named).
func parseHookSource(obj map[string]json.RawMessage, schema objectSchema) (hookSourceInput, *problem) {
	var in hookSourceInput
	if p := schema.check(obj); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "type", hookSourceType); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "version", hookSourceVersion); p != nil {
		return in, p
	}
	strs, p := stringFields(obj, "id", "name", "private", "preloaded", "sourceType", "source", "sourceMD5Checksum", "description")
	if p != nil {
		return in, p
	}
	var fields fieldErrors
	if v := strs["id"]; v != nil && !identifierRe.MatchString(*v) {
		fields.add("id", "must be a lowercase v4, v5 or nil UUID")
	}
	if v := strs["name"]; v != nil {
		fields.checkLength("name", *v, 1, maxHookSourceName)
	}
	for _, key := range []string{"private", "preloaded"} {
		if v := strs[key]; v != nil && *v != "true" && *v != "false" {
			fields.add(key, `must be "true" or "false"`)
		}
	}
	if v := strs["sourceType"]; v != nil && *v != sourceTypeScript {
		fields.add("sourceType", `must be "script"`)
	}
	if v := strs["source"]; v != nil {
		if reason := checkSource(*v); reason != "" {
			fields.add("source", reason)
		}
	}
	if v := strs["sourceMD5Checksum"]; v != nil && !md5Re.MatchString(*v) {
		fields.add("sourceMD5Checksum", "must be 32 hexadecimal digits")
	}
	if v := strs["description"]; v != nil {
		fields.checkLength("description", *v, 0, maxHookSourceDescription)
	}
	md, p := parseMetadataUpdate(obj, &fields)
	if p != nil {
		return in, p
	}
	if p := fields.problem(); p != nil {
		return in, p
	}
	in.id, in.name, in.sourceType = strs["id"], strs["name"], strs["sourceType"]
	in.source, in.description, in.metadata = strs["source"], strs["description"], md
	return in, nil
}

// checkSource returns why source is not a valid script source, or "".
// The spec: base64 (type_base64_data) of at most 131072 characters, whose
// plaintext "must not contain binary data or carriage-return characters".
func checkSource(source string) string {
	if len(source) > maxHookSourceSource {
		return fmt.Sprintf("must be at most %d characters of base64", maxHookSourceSource)
	}
	if !base64Re.MatchString(source) {
		return "must be standard base64 with padding"
	}
	script, err := base64.StdEncoding.DecodeString(source)
	if err != nil {
		return "must be standard base64 with padding"
	}
	return checkScript(script)
}

// checkScript returns why a decoded script is not acceptable plaintext, or
// "". Binary data means bytes that are not UTF-8, or control characters
// other than tab and line feed.
func checkScript(script []byte) string {
	if bytes.IndexByte(script, '\r') >= 0 {
		return "the decoded script must not contain carriage-return characters"
	}
	if !utf8.Valid(script) {
		return "the decoded script must be text, not binary data (invalid UTF-8)"
	}
	for _, r := range string(script) {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f {
			return fmt.Sprintf("the decoded script must be text, not binary data (control character U+%04X)", r)
		}
	}
	return ""
}
