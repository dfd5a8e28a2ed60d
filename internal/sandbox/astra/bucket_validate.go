package astra

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
)

// bucketPostSchema is bucket_1.2_post_request_body.
var bucketPostSchema = objectSchema{
	name:       "bucket_1.2_post_request_body",
	properties: []string{"type", "version", "name", "credentialID", "provider", "bucketParameters", "metadata"},
	required:   []string{"type", "version", "credentialID", "provider", "bucketParameters"},
}

// bucketPutSchema is bucket_1.2_put_request_body.
var bucketPutSchema = objectSchema{
	name: "bucket_1.2_put_request_body",
	properties: []string{"type", "version", "id", "name", "credentialID", "state", "stateDetails", "provider",
		"bucketParameters", "metadata"},
	required: []string{"type", "version"},
}

// bucketProviders is the provider enum.
var bucketProviders = []string{"ontap-s3", "storagegrid-s3", "generic-s3", "gcp", "azure", "aws"}

// bucketInput is a validated POST or PUT body; nil means absent.
type bucketInput struct {
	version   string
	strs      map[string]*string
	params    bucketParams
	hasParams bool
	metadata  metadataUpdate
}

// parseBucket validates obj against schema (problem 8) and each field's
// content (problem 9): a name of 1 to 256 characters, a provider of the
// enum, and bucketParameters with exactly the member the provider takes
// (s3 for the S3 providers, gcp, azure), with a bucket name of 1 to 63
// characters and its server URL (s3, 1 to 1023) or storage account
// (azure).
func parseBucket(obj map[string]json.RawMessage, schema objectSchema) (bucketInput, *problem) {
	var in bucketInput
	if p := schema.check(obj); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "type", bucketType); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "version", "1.2", "1.1", "1.0"); p != nil {
		return in, p
	}
	in.version, _, _ = stringField(obj, "version")
	var p *problem
	in.strs, p = stringFields(obj, "id", "name", "credentialID", "provider", "state")
	if p != nil {
		return in, p
	}
	if raw, ok := obj["stateDetails"]; ok && !isJSONArray(raw) {
		return in, schemaFailure(`property "stateDetails" must be an array`)
	}
	var fields fieldErrors
	for _, key := range []string{"id", "credentialID"} {
		if v := in.strs[key]; v != nil && !identifierRe.MatchString(*v) {
			fields.add(key, "must be a lowercase v4, v5 or nil UUID")
		}
	}
	if v := in.strs["name"]; v != nil {
		fields.checkLength("name", *v, 1, 256)
	}
	if v := in.strs["provider"]; v != nil && !slices.Contains(bucketProviders, *v) {
		fields.add("provider", "must be one of "+quoteAll(bucketProviders))
	}
	if raw, ok := obj["bucketParameters"]; ok {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in.params); err != nil {
			return in, schemaFailure("property \"bucketParameters\": " + err.Error())
		}
		in.hasParams = true
		if v := in.strs["provider"]; v != nil && slices.Contains(bucketProviders, *v) {
			checkBucketParams(*v, in.params, &fields)
		}
	}
	md, p := parseMetadataUpdate(obj, &fields)
	if p != nil {
		return in, p
	}
	in.metadata = md
	return in, fields.problem()
}

// checkBucketParams records what is wrong with the parameters of a
// provider's bucket.
func checkBucketParams(provider string, p bucketParams, fields *fieldErrors) {
	kind := paramsKind(provider)
	members := map[string]bool{"s3": p.S3 != nil, "gcp": p.GCP != nil, "azure": p.Azure != nil}
	for member, set := range members {
		if set && member != kind {
			fields.add("bucketParameters."+member, "does not apply to provider "+strconv.Quote(provider)+", which takes bucketParameters."+kind)
		}
	}
	if !members[kind] {
		fields.add("bucketParameters."+kind, "is required for provider "+strconv.Quote(provider))
		return
	}
	fields.checkLength("bucketParameters."+kind+".bucketName", p.bucketName(), 1, 63)
	switch kind {
	case "s3":
		fields.checkLength("bucketParameters.s3.serverURL", p.S3.ServerURL, 1, 1023)
	case "azure":
		fields.checkLength("bucketParameters.azure.storageAccount", p.Azure.StorageAccount, 1, 1023)
	}
}

// sameParams reports whether two bucketParameters are the same.
func sameParams(p, q bucketParams) bool {
	a, _ := json.Marshal(p)
	b, _ := json.Marshal(q)
	return bytes.Equal(a, b)
}
