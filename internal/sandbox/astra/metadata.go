package astra

import (
	"encoding/json"
	"strconv"
)

// label is a type_astra_label.
type label struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// metadata is a resource's type_astra_metadata.
type metadata struct {
	Labels                []label `json:"labels"`
	CreationTimestamp     string  `json:"creationTimestamp"`
	ModificationTimestamp string  `json:"modificationTimestamp"`
	CreatedBy             string  `json:"createdBy"`
	ModifiedBy            string  `json:"modifiedBy,omitempty"`
}

// metadataUpdate is what a client may send as type_astra_metadata_update.
// Only the labels are taken from the client: the timestamps and user IDs
// are the server's, so they are validated and then ignored.
type metadataUpdate struct {
	labels    []label
	hasLabels bool
}

// metadataSchema is type_astra_metadata_update.
var metadataSchema = objectSchema{
	name:       "type_astra_metadata_update",
	properties: []string{"labels", "creationTimestamp", "modificationTimestamp", "createdBy", "modifiedBy"},
}

// labelSchema is type_astra_label.
var labelSchema = objectSchema{
	name:       "type_astra_label",
	properties: []string{"name", "value"},
	required:   []string{"name", "value"},
}

// parseMetadataUpdate validates obj["metadata"], if present, and records
// content errors in fields.
func parseMetadataUpdate(obj map[string]json.RawMessage, fields *fieldErrors) (metadataUpdate, *problem) {
	raw, ok := obj["metadata"]
	if !ok {
		return metadataUpdate{}, nil
	}
	var md map[string]json.RawMessage
	if err := json.Unmarshal(raw, &md); err != nil || md == nil {
		return metadataUpdate{}, schemaFailure(`property "metadata" must be an object`)
	}
	if p := metadataSchema.check(md); p != nil {
		return metadataUpdate{}, p
	}
	for _, key := range []string{"creationTimestamp", "modificationTimestamp"} {
		s, present, p := stringField(md, key)
		if p != nil {
			return metadataUpdate{}, p
		}
		if present && !timeRe.MatchString(s) {
			fields.add("metadata."+key, "must be a UTC timestamp such as 2024-02-01T00:00:00Z")
		}
	}
	for _, key := range []string{"createdBy", "modifiedBy"} {
		s, present, p := stringField(md, key)
		if p != nil {
			return metadataUpdate{}, p
		}
		if present && !identifierRe.MatchString(s) {
			fields.add("metadata."+key, "must be a lowercase v4, v5 or nil UUID")
		}
	}
	rawLabels, ok := md["labels"]
	if !ok {
		return metadataUpdate{}, nil
	}
	labels, p := parseLabels(rawLabels, fields)
	return metadataUpdate{labels: labels, hasLabels: true}, p
}

// parseLabels validates a type_astra_labels array.
func parseLabels(raw json.RawMessage, fields *fieldErrors) ([]label, *problem) {
	var items []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil || items == nil {
		return nil, schemaFailure(`property "metadata.labels" must be an array of objects`)
	}
	labels := make([]label, 0, len(items))
	for i, item := range items {
		if item == nil {
			return nil, schemaFailure("metadata.labels[" + strconv.Itoa(i) + "] must be an object")
		}
		if p := labelSchema.check(item); p != nil {
			return nil, p
		}
		name, _, p := stringField(item, "name")
		if p != nil {
			return nil, p
		}
		value, _, p := stringField(item, "value")
		if p != nil {
			return nil, p
		}
		next := label{Name: name, Value: value}
		for _, seen := range labels {
			if seen == next {
				fields.add("metadata.labels", "labels must be unique")
				break
			}
		}
		labels = append(labels, next)
	}
	return labels, nil
}

// record is the metadata every stored object keeps: its labels, when and
// by whom it was created and last modified.
type record struct {
	labels     []label
	createdAt  string
	modifiedAt string
	createdBy  string
	modifiedBy string
}

// newRecord is the record of an object the API's user creates at (a
// type_astra_time).
func newRecord(at string, labels []label) record {
	return record{labels: labels, createdAt: at, modifiedAt: at, createdBy: UserID}
}

// touch records a change by the API's user at.
func (r *record) touch(at string) { r.modifiedAt, r.modifiedBy = at, UserID }

// metadata renders r; labels are never null.
func (r record) metadata() metadata {
	md := metadata{
		Labels:                r.labels,
		CreationTimestamp:     r.createdAt,
		ModificationTimestamp: r.modifiedAt,
		CreatedBy:             r.createdBy,
		ModifiedBy:            r.modifiedBy,
	}
	if md.Labels == nil {
		md.Labels = []label{}
	}
	return md
}
