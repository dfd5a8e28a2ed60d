package astra

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/store"
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
	strs, p := stringFields(obj, "id", "sourceAppID", "sourceClusterID", "destinationAppID", "destinationClusterID",
		"state", "stateDesired", "transferState", "healthState")
	if p != nil {
		return in, p
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

// mirrorPlacement is the source app and the two clusters of a new
// relationship, for checking its mappings.
type mirrorPlacement struct {
	src         *app
	srcCluster  string
	destCluster *cluster
}

// same reports a same-cluster relationship, whose mapping entries need roles.
func (p mirrorPlacement) same() bool { return p.srcCluster == p.destCluster.id }

// entryRole returns the role of a mapping entry: its own, or the one its
// cluster implies. It records an entry that names neither cluster, lacks a
// role in a same-cluster relationship, or has a role its cluster
// contradicts.
func (p mirrorPlacement) entryRole(where, clusterID, role string, fields *fieldErrors) string {
	switch {
	case clusterID != p.srcCluster && clusterID != p.destCluster.id:
		fields.add(where+".clusterID", "must be the source app's cluster ("+p.srcCluster+") or the destination cluster ("+p.destCluster.id+")")
		return ""
	case p.same() && role == "":
		fields.add(where+".role", `is required when the source and destination clusters are the same: "source" or "destination"`)
		return ""
	case p.same():
		return role
	}
	implied := roleDestination
	if clusterID == p.srcCluster {
		implied = roleSource
	}
	if role != "" && role != implied {
		fields.add(where+".role", "is "+strconv.Quote(role)+" but the cluster "+clusterID+" is the "+implied+" cluster")
	}
	return implied
}

// checkNamespaces checks namespaceMapping and returns each namespace of
// the source app with its destination namespace: the mapping's, or the
// source app's own name. The source entry, if any, must list the source
// app's namespaces; the destination entry as many namespaces, correlated
// by index.
func (p mirrorPlacement) checkNamespaces(entries []namespaceMappingEntry, fields *fieldErrors) []namespacePair {
	srcNS, destNS := p.src.namespaces(), []string(nil)
	var seen []string
	for i, e := range entries {
		where := "namespaceMapping[" + strconv.Itoa(i) + "]"
		role := p.entryRole(where, e.ClusterID, e.Role, fields)
		if role != "" && slices.Contains(seen, role) {
			fields.add("namespaceMapping", "there must be exactly one entry for each cluster (for each role within one cluster)")
		}
		seen = append(seen, role)
		switch role {
		case roleSource:
			if !sameSet(e.Namespaces, p.src.namespaces()) {
				fields.add(where+".namespaces", "must list the source app's namespaces ("+strings.Join(p.src.namespaces(), ", ")+")")
				continue
			}
			srcNS = e.Namespaces
		case roleDestination:
			destNS = e.Namespaces
		}
	}
	if destNS == nil {
		if p.same() {
			fields.add("namespaceMapping", "a relationship within one cluster needs a namespaceMapping with roles whose destination namespaces differ from the source app's")
			return nil
		}
		destNS = srcNS
	}
	if len(destNS) != len(srcNS) {
		fields.add("namespaceMapping", "the destination entry must list "+strconv.Itoa(len(srcNS))+
			" namespace(s), one for each namespace of the source app, correlated by index")
		return nil
	}
	pairs := make([]namespacePair, len(srcNS))
	for i, ns := range destNS {
		if p.same() && slices.Contains(p.src.namespaces(), ns) {
			fields.add("namespaceMapping", "destination namespace "+strconv.Quote(ns)+" is a namespace of the source app on the same cluster")
		}
		pairs[i] = namespacePair{Source: srcNS[i], Destination: ns}
	}
	return pairs
}

// checkStorageClasses checks that each storageClasses entry names a
// storage class of its cluster.
func (p mirrorPlacement) checkStorageClasses(entries []storageClassEntry, clusters *store.Table[cluster], fields *fieldErrors) {
	var seen []string
	for i, e := range entries {
		where := "storageClasses[" + strconv.Itoa(i) + "]"
		role := p.entryRole(where, e.ClusterID, e.Role, fields)
		if role == "" {
			continue
		}
		if slices.Contains(seen, role) {
			fields.add("storageClasses", "there must be at most one entry for each cluster (for each role within one cluster)")
		}
		seen = append(seen, role)
		c, _ := clusters.Get(e.ClusterID)
		if !slices.ContainsFunc(c.storageClasses, func(sc *storageClass) bool { return sc.name == e.StorageClassName }) {
			fields.add(where+".storageClassName", "cluster "+strconv.Quote(c.name)+" has no storage class named "+strconv.Quote(e.StorageClassName))
		}
	}
}

// sameSet reports whether a and b hold the same strings, in any order.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, s := range a {
		if !slices.Contains(b, s) {
			return false
		}
	}
	return true
}
