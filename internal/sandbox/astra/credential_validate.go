package astra

import (
	"encoding/json"
	"slices"
	"strconv"
)

// credentialPostSchema is credential_1.1_post_request_body.
var credentialPostSchema = objectSchema{
	name: "credential_1.1_post_request_body",
	properties: []string{"type", "version", "name", "keyType", "keyStore", "valid", "validFromTimestamp",
		"validUntilTimestamp", "metadata"},
	required: []string{"type", "version", "name", "keyStore"},
}

// credentialPutSchema is credential_1.1_put_request_body: name and keyStore
// are required on every PUT, which "replaces the entire stored resource".
var credentialPutSchema = objectSchema{
	name: "credential_1.1_put_request_body",
	properties: []string{"type", "version", "id", "name", "keyType", "keyStore", "valid", "validFromTimestamp",
		"validUntilTimestamp", "metadata"},
	required: []string{"type", "version", "name", "keyStore"},
}

// credentialKeyTypes is the keyType enum.
var credentialKeyTypes = []string{"generic", "passwordHash", "apikey", "kubeconfig", "certificate", "privkey", "s3"}

// credentialInput is a validated POST or PUT body; nil means absent.
type credentialInput struct {
	version  string
	strs     map[string]*string
	keyStore map[string]string
	metadata metadataUpdate
}

// parseCredential validates obj against schema (problem 8) and then each
// field's content and the keyType's extended validation (problem 9, every
// invalid field named). User password credentials (keyType passwordHash)
// are not emulated: the sandbox has no users.
func parseCredential(obj map[string]json.RawMessage, schema objectSchema) (credentialInput, *problem) {
	var in credentialInput
	if p := schema.check(obj); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "type", credentialType); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "version", "1.1", "1.0"); p != nil {
		return in, p
	}
	in.version, _, _ = stringField(obj, "version")
	var p *problem
	in.strs, p = stringFields(obj, "id", "name", "keyType", "valid", "validFromTimestamp", "validUntilTimestamp")
	if p != nil {
		return in, p
	}
	var store map[string]json.RawMessage
	if err := json.Unmarshal(obj["keyStore"], &store); err != nil || store == nil {
		return in, schemaFailure(`property "keyStore" must be an object of strings`)
	}
	var fields fieldErrors
	in.keyStore = make(map[string]string, len(store))
	for key, raw := range store {
		s, _, p := stringField(store, key)
		if p != nil {
			return in, schemaFailure("keyStore." + key + " must be a string")
		}
		_ = raw
		if !base64Re.MatchString(s) {
			fields.add("keyStore."+key, "must be base64")
		}
		in.keyStore[key] = s
	}
	if v := in.strs["id"]; v != nil && !identifierRe.MatchString(*v) {
		fields.add("id", "must be a lowercase v4, v5 or nil UUID")
	}
	if v := in.strs["name"]; v != nil {
		fields.checkLength("name", *v, 1, 127)
	}
	keyType := ""
	if v := in.strs["keyType"]; v != nil {
		keyType = *v
		switch {
		case !slices.Contains(credentialKeyTypes, keyType):
			fields.add("keyType", "must be one of "+quoteAll(credentialKeyTypes))
		case keyType == "passwordHash":
			fields.add("keyType", "user password credentials (passwordHash) are not emulated by the sandbox")
		}
	}
	checkKeyStore(keyType, in.keyStore, &fields)
	if v := in.strs["valid"]; v != nil && *v != "true" && *v != "false" {
		fields.add("valid", `must be "true" or "false"`)
	}
	for _, key := range []string{"validFromTimestamp", "validUntilTimestamp"} {
		if v := in.strs[key]; v != nil && !timeRe.MatchString(*v) {
			fields.add(key, "must be a UTC timestamp such as 2024-02-01T00:00:00Z")
		}
	}
	md, p := parseMetadataUpdate(obj, &fields)
	if p != nil {
		return in, p
	}
	in.metadata = md
	return in, fields.problem()
}

// applyCredentialPut replaces c (a copy, see edit) with the PUT body,
// keeping its keyType (credential_1.1 keyType's update constraints:
// absent and not sent stays absent, sent when absent is added and
// validated, present and not sent is kept, sent differently fails: 400
// problem 9, as 409 problem 10 is not listed for the path).
func applyCredentialPut(c *credential, in credentialInput, at string) *problem {
	if v := in.strs["id"]; v != nil && *v != c.id {
		return idMismatch()
	}
	if v := in.strs["keyType"]; v != nil {
		if c.keyType != "" && *v != c.keyType {
			return invalidFields(9, invalidItem{Name: "keyType", Reason: "is " + strconv.Quote(c.keyType) + " and cannot be changed"})
		}
		c.keyType = *v
	}
	c.name, c.keyStore = *in.strs["name"], in.keyStore
	if v := in.strs["valid"]; v != nil {
		c.valid = *v == "true"
	}
	c.validFrom, c.validUntil = in.strs["validFromTimestamp"], in.strs["validUntilTimestamp"]
	if in.metadata.hasLabels {
		c.labels = in.metadata.labels
	}
	c.touch(at)
	return nil
}
