package astra

import (
	"encoding/json"
	"strconv"
	"time"
)

// snapshotPostSchema is appSnap_1.3_post_request_body.
var snapshotPostSchema = objectSchema{
	name:       "appSnap_1.3_post_request_body",
	properties: []string{"type", "version", "name", "bucketID", "metadata"},
	required:   []string{"type", "version"},
}

// protectionInput is a validated POST body of a snapshot or a backup.
type protectionInput struct {
	version  string
	strs     map[string]*string
	metadata metadataUpdate
}

// parseProtection validates obj against schema (problem 8) and its fields
// (problem 9): a DNS-1123 name of 1 to 63 characters and IDs of the API's
// form. mediaType is the "type" the path takes.
func parseProtection(obj map[string]json.RawMessage, schema objectSchema, mediaType string, versions ...string) (protectionInput, *problem) {
	var in protectionInput
	if p := schema.check(obj); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "type", mediaType); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "version", versions...); p != nil {
		return in, p
	}
	in.version, _, _ = stringField(obj, "version")
	var p *problem
	in.strs, p = stringFields(obj, "name", "bucketID", "snapshotID")
	if p != nil {
		return in, p
	}
	var fields fieldErrors
	if v := in.strs["name"]; v != nil && (len(*v) > 63 || !dns1123Re.MatchString(*v)) {
		fields.add("name", "must be a DNS-1123 label of 1 to 63 characters")
	}
	for _, key := range []string{"bucketID", "snapshotID"} {
		if v := in.strs[key]; v != nil && !identifierRe.MatchString(*v) {
			fields.add(key, "must be a lowercase v4, v5 or nil UUID")
		}
	}
	md, p := parseMetadataUpdate(obj, &fields)
	if p != nil {
		return in, p
	}
	in.metadata = md
	return in, fields.problem()
}

// systemName is the name the system assigns a snapshot or backup created
// without one, as schedules' are named: "wordpress-snapshot-20220520000039".
func systemName(appName, kind string, now time.Time) string {
	name := appName + "-" + kind + "-" + now.UTC().Format("20060102150405")
	if len(name) > 63 {
		name = name[len(name)-63:]
	}
	return name
}

// newSnapshot checks a POST of a snapshot of x and returns it. Answers:
// 400 problem 177 for a bucketID (the sandbox's clusters keep snapshots on
// the cluster: they lack the neptuneV1 capability); 409 problem 149 for an
// app that is not ready; 409 problem 148 while a snapshot of the app is
// being taken; 409 problem 176 for a name the app's snapshots have.
func (a *API) newSnapshot(x *app, in protectionInput, now time.Time) (*snapshot, *problem) {
	if in.strs["bucketID"] != nil {
		return nil, newProblem(177)
	}
	switch {
	case !a.appReady(x) || x.replicaOf != "":
		return nil, newProblem(149)
	case a.snapshotInProgress(x.id):
		return nil, newProblem(148)
	}
	name := systemName(x.name, "snapshot", now)
	if v := in.strs["name"]; v != nil {
		name = *v
	}
	if a.snapshots.Any(func(s *snapshot) bool { return s.appID == x.id && s.name == name }) {
		p := newProblem(176)
		p.InvalidFields = []invalidItem{{Name: "name", Reason: "app " + strconv.Quote(x.name) + " has a snapshot named " + strconv.Quote(name)}}
		return nil, p
	}
	return &snapshot{name: name, appID: x.id, version: in.version}, nil
}
