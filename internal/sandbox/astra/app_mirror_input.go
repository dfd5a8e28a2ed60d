package astra

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
)

// appMirrorPostSchema is appMirror_1.1_post_request_body.
var appMirrorPostSchema = objectSchema{
	name: "appMirror_1.1_post_request_body",
	properties: []string{"type", "version", "sourceAppID", "destinationClusterID", "namespaceMapping",
		"storageClasses", "stateDesired", "metadata"},
	required: []string{"type", "version", "sourceAppID", "destinationClusterID", "stateDesired"},
}

// appMirrorPutSchema is appMirror_1.1_put_request_body: every field of the
// resource may be sent back, only type and version must.
var appMirrorPutSchema = objectSchema{
	name: "appMirror_1.1_put_request_body",
	properties: []string{"type", "version", "id", "sourceAppID", "sourceClusterID", "destinationAppID",
		"destinationClusterID", "namespaceMapping", "storageClasses", "state", "stateTransitions", "stateDesired",
		"stateAllowed", "stateDetails", "transferState", "transferStateTransitions", "transferStateDetails",
		"healthState", "healthStateTransitions", "healthStateDetails", "metadata"},
	required: []string{"type", "version"},
}

// dns1123Re is type_dns_1123.
var dns1123Re = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)

// appMirrorInput is a validated POST or PUT body; nil or empty means absent.
type appMirrorInput struct {
	version              string
	id                   *string
	sourceAppID          *string
	sourceClusterID      *string
	destinationAppID     *string
	destinationClusterID *string
	stateDesired         *string
	nsMapping            []namespaceMappingEntry
	hasNSMapping         bool
	storageClasses       []storageClassEntry
	hasStorageClasses    bool
	metadata             metadataUpdate
}

// parseAppMirror validates obj against schema (problem 8), then the content
// of each field (problem 9, every invalid field named). The read-only
// fields a PUT may carry back (state, stateAllowed, healthState, …) are
// checked for their JSON type and otherwise ignored.
func parseAppMirror(obj map[string]json.RawMessage, schema objectSchema) (appMirrorInput, *problem) {
	var in appMirrorInput
	if p := schema.check(obj); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "type", appMirrorType); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "version", "1.1", "1.0"); p != nil {
		return in, p
	}
	in.version, _, _ = stringField(obj, "version")
	strs := map[string]*string{}
	for _, key := range []string{"id", "sourceAppID", "sourceClusterID", "destinationAppID", "destinationClusterID",
		"state", "stateDesired", "transferState", "healthState"} {
		s, ok, p := stringField(obj, key)
		if p != nil {
			return in, p
		}
		if ok {
			strs[key] = &s
		}
	}
	for _, key := range []string{"stateTransitions", "stateAllowed", "stateDetails", "transferStateTransitions",
		"transferStateDetails", "healthStateTransitions", "healthStateDetails"} {
		if raw, ok := obj[key]; ok && !isJSONArray(raw) {
			return in, schemaFailure("property " + strconv.Quote(key) + " must be an array")
		}
	}
	var fields fieldErrors
	for _, key := range []string{"id", "sourceAppID", "sourceClusterID", "destinationAppID", "destinationClusterID"} {
		if v := strs[key]; v != nil && !identifierRe.MatchString(*v) {
			fields.add(key, "must be a lowercase v4, v5 or nil UUID")
		}
	}
	if v := strs["stateDesired"]; v != nil && !slices.Contains([]string{mirrorEstablished, mirrorFailedOver, mirrorDeleted}, *v) {
		fields.add("stateDesired", `must be "established", "failedOver" or "deleted"`)
	}
	if raw, ok := obj["namespaceMapping"]; ok {
		var p *problem
		in.nsMapping, p = parseNamespaceMapping(raw, &fields)
		if p != nil {
			return in, p
		}
		in.hasNSMapping = true
	}
	if raw, ok := obj["storageClasses"]; ok {
		var p *problem
		in.storageClasses, p = parseStorageClasses(raw, &fields)
		if p != nil {
			return in, p
		}
		in.hasStorageClasses = true
	}
	md, p := parseMetadataUpdate(obj, &fields)
	if p != nil {
		return in, p
	}
	if p := fields.problem(); p != nil {
		return in, p
	}
	in.id, in.sourceAppID, in.sourceClusterID = strs["id"], strs["sourceAppID"], strs["sourceClusterID"]
	in.destinationAppID, in.destinationClusterID = strs["destinationAppID"], strs["destinationClusterID"]
	in.stateDesired, in.metadata = strs["stateDesired"], md
	return in, nil
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

// parseNamespaceMapping validates namespaceMapping: at most two entries,
// unique, each with a cluster ID, DNS-1123 namespaces (unique) and an
// optional role.
func parseNamespaceMapping(raw json.RawMessage, fields *fieldErrors) ([]namespaceMappingEntry, *problem) {
	var entries []namespaceMappingEntry
	if p := decodeItems("namespaceMapping", raw, []string{"clusterID", "namespaces", "role"}, &entries); p != nil {
		return nil, p
	}
	if len(entries) > 2 {
		fields.add("namespaceMapping", "must have at most 2 entries, one for each cluster")
	}
	for i, e := range entries {
		where := "namespaceMapping[" + strconv.Itoa(i) + "]"
		checkMappingEntry(fields, where, e.ClusterID, e.Role)
		if len(e.Namespaces) == 0 {
			fields.add(where+".namespaces", "must list at least one namespace")
		}
		for j, ns := range e.Namespaces {
			if len(ns) > 63 || !dns1123Re.MatchString(ns) {
				fields.add(where+".namespaces["+strconv.Itoa(j)+"]", "must be a DNS-1123 label of 1 to 63 characters")
			}
			if slices.Index(e.Namespaces, ns) != j {
				fields.add(where+".namespaces", "namespaces must be unique")
			}
		}
		for j := range i {
			if entries[j].ClusterID == e.ClusterID && entries[j].Role == e.Role && slices.Equal(entries[j].Namespaces, e.Namespaces) {
				fields.add("namespaceMapping", "entries must be unique")
			}
		}
	}
	return entries, nil
}

// parseStorageClasses validates storageClasses.
func parseStorageClasses(raw json.RawMessage, fields *fieldErrors) ([]storageClassEntry, *problem) {
	var entries []storageClassEntry
	if p := decodeItems("storageClasses", raw, []string{"clusterID", "storageClassName", "role"}, &entries); p != nil {
		return nil, p
	}
	if len(entries) > 2 {
		fields.add("storageClasses", "must have at most 2 entries, one for each cluster")
	}
	for i, e := range entries {
		where := "storageClasses[" + strconv.Itoa(i) + "]"
		checkMappingEntry(fields, where, e.ClusterID, e.Role)
		fields.checkLength(where+".storageClassName", e.StorageClassName, 1, 255)
		if slices.Index(entries, e) != i {
			fields.add("storageClasses", "entries must be unique")
		}
	}
	return entries, nil
}

// checkMappingEntry checks the clusterID and role of a mapping entry. The
// schema makes clusterID optional, but an entry without one cannot be
// correlated with a cluster.
func checkMappingEntry(fields *fieldErrors, where, clusterID, role string) {
	switch {
	case clusterID == "":
		fields.add(where+".clusterID", "is required: the ID of the source or destination cluster")
	case !identifierRe.MatchString(clusterID):
		fields.add(where+".clusterID", "must be a lowercase v4, v5 or nil UUID")
	}
	if role != "" && role != roleSource && role != roleDestination {
		fields.add(where+".role", `must be "source" or "destination"`)
	}
}
