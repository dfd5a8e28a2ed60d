package astra

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// appPostSchema is app_2.2_post_request_body.
var appPostSchema = objectSchema{
	name: "app_2.2_post_request_body",
	properties: []string{"type", "version", "name", "clusterScopedResources", "namespaceScopedResources",
		"namespaceMapping", "storageClassMapping", "clusterID", "sourceAppID", "sourceClusterID", "backupID",
		"snapshotID", "restoreFilter", "metadata"},
	required: []string{"type", "version", "name"},
}

// appPutSchema is app_2.2_put_request_body: every field of the resource may
// be sent back, only type and version must.
var appPutSchema = objectSchema{
	name: "app_2.2_put_request_body",
	properties: []string{"type", "version", "id", "name", "clusterScopedResources", "namespaceScopedResources",
		"lastResourceCollectionTimestamp", "state", "stateTransitions", "stateDetails", "protectionState",
		"protectionStateDetails", "appDetectedType", "namespaces", "namespaceMapping", "storageClassMapping", "clusterName",
		"clusterID", "clusterType", "sourceAppID", "sourceClusterName", "sourceClusterID", "backupID", "snapshotID",
		"replicationSourceAppID", "restoreFilter", "metadata"},
	required: []string{"type", "version"},
}

// appBodyInput is what a POST or PUT body of an app carries, decoded and
// checked field by field (problems 8 and 9); nil and empty mean absent.
type appBodyInput struct {
	version          string
	strs             map[string]*string
	resources        []namespaceResource
	hasResources     bool
	clusterResources []clusterResource
	hasClusterRes    bool
	nsMapping        []namespacePair
	hasNSMapping     bool
	scMapping        []storageClassPair
	hasSCMapping     bool
	filter           *restoreFilter
	metadata         metadataUpdate
}

// get returns a string field, or nil.
func (in appBodyInput) get(key string) *string { return in.strs[key] }

// parseAppBody validates obj against schema and each field's content.
// Problems: 8 for the shape, 9 naming every field whose content is wrong,
// 400 problem 147 for a restore filter with an empty GVKN entry.
func parseAppBody(obj map[string]json.RawMessage, schema objectSchema) (appBodyInput, *problem) {
	var in appBodyInput
	if p := schema.check(obj); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "type", appType); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "version", "2.2", "2.1", "2.0"); p != nil {
		return in, p
	}
	in.version, _, _ = stringField(obj, "version")
	var p *problem
	in.strs, p = stringFields(obj, "id", "name", "clusterID", "sourceAppID", "sourceClusterID", "backupID", "snapshotID",
		"lastResourceCollectionTimestamp", "state", "protectionState", "appDetectedType", "clusterName", "clusterType",
		"sourceClusterName", "replicationSourceAppID")
	if p != nil {
		return in, p
	}
	for _, key := range []string{"stateTransitions", "stateDetails", "protectionStateDetails", "namespaces"} {
		if raw, ok := obj[key]; ok && !isJSONArray(raw) {
			return in, schemaFailure("property " + strconv.Quote(key) + " must be an array")
		}
	}
	var fields fieldErrors
	if name := in.get("name"); name != nil && (len(*name) > 63 || !dns1123Re.MatchString(*name)) {
		fields.add("name", "must be a DNS-1123 label of 1 to 63 characters")
	}
	for _, key := range []string{"id", "clusterID", "sourceAppID", "sourceClusterID", "backupID", "snapshotID", "replicationSourceAppID"} {
		if v := in.get(key); v != nil && !identifierRe.MatchString(*v) {
			fields.add(key, "must be a lowercase v4, v5 or nil UUID")
		}
	}
	if raw, ok := obj["namespaceScopedResources"]; ok {
		if p := decodeItems("namespaceScopedResources", raw, []string{"namespace", "labelSelectors"}, &in.resources); p != nil {
			return in, p
		}
		in.hasResources = true
		checkNamespaceResources(in.resources, &fields)
	}
	if raw, ok := obj["clusterScopedResources"]; ok {
		if p := decodeItems("clusterScopedResources", raw, []string{"GVK", "labelSelectors"}, &in.clusterResources); p != nil {
			return in, p
		}
		in.hasClusterRes = true
		for i, r := range in.clusterResources {
			where := "clusterScopedResources[" + strconv.Itoa(i) + "]"
			if r.GVK.Kind == "" || r.GVK.Version == "" {
				fields.add(where+".GVK", "must name a kind and a version (and a group, \"\" for the core group)")
			}
			checkSelectors(where+".labelSelectors", r.LabelSelectors, &fields)
		}
	}
	if raw, ok := obj["namespaceMapping"]; ok {
		if p := decodeItems("namespaceMapping", raw, []string{"source", "destination"}, &in.nsMapping); p != nil {
			return in, p
		}
		in.hasNSMapping = true
		for i, m := range in.nsMapping {
			where := "namespaceMapping[" + strconv.Itoa(i) + "]"
			for key, ns := range map[string]string{"source": m.Source, "destination": m.Destination} {
				if len(ns) > 63 || !dns1123Re.MatchString(ns) {
					fields.add(where+"."+key, "must be a DNS-1123 label of 1 to 63 characters")
				}
			}
			for j := range i {
				if in.nsMapping[j].Source == m.Source || in.nsMapping[j].Destination == m.Destination {
					fields.add("namespaceMapping", "each namespace must be mapped once, to a namespace of its own")
				}
			}
		}
	}
	if raw, ok := obj["storageClassMapping"]; ok {
		if p := decodeItems("storageClassMapping", raw, []string{"source", "destination"}, &in.scMapping); p != nil {
			return in, p
		}
		in.hasSCMapping = true
		for i, m := range in.scMapping {
			where := "storageClassMapping[" + strconv.Itoa(i) + "]"
			if m.Source != "*" && (len(m.Source) > 63 || !dns1123Re.MatchString(m.Source)) {
				fields.add(where+".source", `must be "*" or a storage class name (a DNS-1123 label of 1 to 63 characters)`)
			}
			if len(m.Destination) > 63 || !dns1123Re.MatchString(m.Destination) {
				fields.add(where+".destination", "must be a storage class name (a DNS-1123 label of 1 to 63 characters)")
			}
			if slices.IndexFunc(in.scMapping, func(o storageClassPair) bool { return o.Source == m.Source }) != i {
				fields.add("storageClassMapping", "each source storage class must be mapped once")
			}
		}
	}
	if raw, ok := obj["restoreFilter"]; ok {
		f, p := parseRestoreFilter(raw, &fields)
		if p != nil {
			return in, p
		}
		in.filter = f
	}
	md, p := parseMetadataUpdate(obj, &fields)
	if p != nil {
		return in, p
	}
	in.metadata = md
	return in, fields.problem()
}

// checkNamespaceResources checks a definition: DNS-1123 namespaces, each
// once, with valid label selectors.
func checkNamespaceResources(resources []namespaceResource, fields *fieldErrors) {
	var seen []string
	for i, r := range resources {
		where := "namespaceScopedResources[" + strconv.Itoa(i) + "]"
		if len(r.Namespace) > 63 || !dns1123Re.MatchString(r.Namespace) {
			fields.add(where+".namespace", "must be a DNS-1123 label of 1 to 63 characters")
		}
		if slices.Contains(seen, r.Namespace) {
			fields.add("namespaceScopedResources", "each namespace must appear once (several label selectors of one entry select what any of them selects)")
		}
		seen = append(seen, r.Namespace)
		checkSelectors(where+".labelSelectors", r.LabelSelectors, fields)
	}
}

// checkSelectors checks an array of label selectors: each parses, and they
// are unique.
func checkSelectors(where string, selectors []string, fields *fieldErrors) {
	for j, s := range selectors {
		if _, err := parseSelector(s); err != nil {
			fields.add(where+"["+strconv.Itoa(j)+"]", "is not a Kubernetes label selector: "+err.Error())
		}
		if slices.Index(selectors, s) != j {
			fields.add(where, "label selectors must be unique")
		}
	}
}

// parseRestoreFilter validates a restoreFilter: resourceSelectionCriteria
// include or exclude, and GVKN entries none of which is empty (400 problem
// 147: "GVKN objects cannot be empty").
func parseRestoreFilter(raw json.RawMessage, fields *fieldErrors) (*restoreFilter, *problem) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		return nil, schemaFailure(`property "restoreFilter" must be an object`)
	}
	if p := (objectSchema{name: "restoreFilter", properties: []string{"resourceSelectionCriteria", "GVKN"},
		required: []string{"resourceSelectionCriteria", "GVKN"}}).check(obj); p != nil {
		return nil, p
	}
	criteria, _, p := stringField(obj, "resourceSelectionCriteria")
	if p != nil {
		return nil, p
	}
	if criteria != "include" && criteria != "exclude" {
		return nil, schemaFailure(`restoreFilter.resourceSelectionCriteria must be "include" or "exclude"`)
	}
	f := &restoreFilter{ResourceSelectionCriteria: criteria}
	if p := decodeItems("restoreFilter.GVKN", obj["GVKN"], []string{"group", "version", "kind", "namespaces", "names", "labelSelectors"}, &f.GVKN); p != nil {
		return nil, p
	}
	if len(f.GVKN) == 0 {
		return nil, newProblem(147)
	}
	for i, g := range f.GVKN {
		if g.Group == "" && g.Version == "" && g.Kind == "" && len(g.Namespaces) == 0 && len(g.Names) == 0 && len(g.LabelSelectors) == 0 {
			return nil, newProblem(147)
		}
		where := "restoreFilter.GVKN[" + strconv.Itoa(i) + "]"
		for j, ns := range g.Namespaces {
			if len(ns) > 63 || !dns1123Re.MatchString(ns) {
				fields.add(where+".namespaces["+strconv.Itoa(j)+"]", "must be a DNS-1123 label of 1 to 63 characters")
			}
		}
		checkSelectors(where+".labelSelectors", g.LabelSelectors, fields)
	}
	return f, nil
}

// appSource is what a new clone or restored app is made from.
type appSource struct {
	app      *app      // the app cloned, or whose snapshot or backup is restored
	snapshot *snapshot // set for a restore from a snapshot
	backup   *backup   // set for a restore from a backup
}

// resolveSource finds the source a POST or an in-place restore names: at
// most one of sourceAppID, snapshotID and backupID (400 problem 9 naming
// them otherwise), an app, snapshot or backup that exists and, for a
// snapshot or a backup, is completed (400 problem 9). keys are the
// source fields allowed.
func (a *API) resolveSource(in appBodyInput, keys ...string) (*appSource, *problem) {
	var given []string
	for _, key := range keys {
		if in.get(key) != nil {
			given = append(given, key)
		}
	}
	switch len(given) {
	case 0:
		return nil, nil
	case 1:
	default:
		var items []invalidItem
		for _, key := range given {
			items = append(items, invalidItem{Name: key, Reason: "only one of " + strings.Join(keys, ", ") + " may be given"})
		}
		return nil, invalidFields(9, items...)
	}
	key, id := given[0], *in.get(given[0])
	notFound := func(what string) *problem {
		return invalidFields(9, invalidItem{Name: key, Reason: "no " + what + " has this ID"})
	}
	switch key {
	case "sourceAppID":
		x, ok := a.apps.Get(id)
		if !ok {
			return nil, notFound("managed app")
		}
		return &appSource{app: x}, nil
	case "snapshotID":
		s, ok := a.snapshots.Get(id)
		if !ok {
			return nil, notFound("snapshot")
		}
		if st := a.snapshotState(s); st != snapCompleted {
			return nil, invalidFields(9, invalidItem{Name: key, Reason: "the snapshot is " + strconv.Quote(st) + "; only a completed snapshot can be restored"})
		}
		x, _ := a.apps.Get(s.appID)
		return &appSource{app: x, snapshot: s}, nil
	default:
		b, ok := a.backups.Get(id)
		if !ok {
			return nil, notFound("backup")
		}
		if st := a.backupState(b); st != backupCompleted {
			return nil, invalidFields(9, invalidItem{Name: key, Reason: "the backup is " + strconv.Quote(st) + "; only a completed backup can be restored"})
		}
		x, _ := a.apps.Get(b.appID)
		return &appSource{app: x, backup: b}, nil
	}
}

// sourceKeys are the fields that name what a new app is made from.
var sourceKeys = []string{"sourceAppID", "snapshotID", "backupID"}

// newApp checks a POST body against the topology and returns the new app
// and the operation that makes it: a manage (a definition of namespaces on
// clusterID), or a clone or a restore (a source, mapped into new
// namespaces of clusterID, by default the source's cluster).
//
// Answers: 400 problem 9 for content that cannot be carried out (an
// unknown cluster, source or storage class name, fields of a clone given
// to a manage or the reverse, a source that is not completed); 400
// problem 156 for a storage class the destination cluster lacks; 409
// problem 151 for a source app that is not ready; 409 problem 155 for a
// restore filter on a live clone; 409 problem 10 for a definition an app
// already has (cluster, namespaces and selectors: "Application already
// exists", problem 121, is not listed for the path) or a destination
// namespace that exists.
func (a *API) newApp(in appBodyInput) (*app, appOp, *problem) {
	src, p := a.resolveSource(in, sourceKeys...)
	if p != nil {
		return nil, 0, p
	}
	var fields fieldErrors
	clusterID := in.get("clusterID")
	var c *cluster
	if clusterID != nil {
		var ok bool
		if c, ok = a.clusters.Get(*clusterID); !ok {
			fields.add("clusterID", "no managed cluster has this ID")
		}
	}
	x := &app{name: *in.get("name"), version: in.version, protection: "none", replicable: true}
	if src == nil {
		// Manage.
		switch {
		case clusterID == nil:
			fields.add("clusterID", "is required on this path: the managed cluster that runs the app")
		case !in.hasResources || len(in.resources) == 0:
			fields.add("namespaceScopedResources", "must name at least one namespace")
		}
		for _, key := range []string{"namespaceMapping", "storageClassMapping", "restoreFilter", "sourceClusterID"} {
			if in.get(key) != nil || (key == "namespaceMapping" && in.hasNSMapping) || (key == "storageClassMapping" && in.hasSCMapping) ||
				(key == "restoreFilter" && in.filter != nil) {
				fields.add(key, "applies to a clone or a restore only (with sourceAppID, snapshotID or backupID)")
			}
		}
		if p := fields.problem(); p != nil {
			return nil, 0, p
		}
		x.clusterID, x.resources, x.clusterResources = c.id, in.resources, in.clusterResources
		for _, r := range in.resources {
			x.containers = append(x.containers, namespaceContainers(r.Namespace, r.LabelSelectors)...)
		}
		if other, ok := a.apps.Find(func(o *app) bool { return o.clusterID == c.id && sameDefinition(o.resources, x.resources) }); ok {
			return nil, 0, invalidFields(10, invalidItem{Name: "namespaceScopedResources",
				Reason: "app " + strconv.Quote(other.name) + " (" + other.id + ") already has this definition on the cluster"})
		}
		return x, opManage, nil
	}

	// Clone or restore.
	if in.hasResources || in.hasClusterRes {
		fields.add("namespaceScopedResources", "a clone or a restore takes its source's definition; map its namespaces with namespaceMapping")
	}
	if c == nil && clusterID == nil {
		c, _ = a.clusters.Get(src.app.clusterID)
	}
	if v := in.get("sourceClusterID"); v != nil && *v != src.app.clusterID {
		fields.add("sourceClusterID", "must be the cluster of the source app, "+src.app.clusterID)
	}
	pairs := mappedNamespaces(src.app, in.nsMapping, &fields)
	if p := fields.problem(); p != nil {
		return nil, 0, p
	}
	for _, m := range in.scMapping {
		if !slices.ContainsFunc(c.storageClasses, func(sc *storageClass) bool { return sc.name == m.Destination }) {
			p := newProblem(156)
			p.InvalidFields = []invalidItem{{Name: "storageClassMapping", Reason: "cluster " + strconv.Quote(c.name) +
				" has no storage class named " + strconv.Quote(m.Destination)}}
			return nil, 0, p
		}
	}
	op := opRestore
	if src.snapshot == nil && src.backup == nil {
		op = opClone
		if !a.appReady(src.app) {
			return nil, 0, newProblem(151)
		}
		if in.filter != nil {
			return nil, 0, newProblem(155)
		}
	}
	var exists []invalidItem
	for _, pair := range pairs {
		if c.namespaceExists(pair.Destination) {
			exists = append(exists, invalidItem{Name: "namespaceMapping", Reason: "namespace " + strconv.Quote(pair.Destination) +
				" already exists on cluster " + strconv.Quote(c.name) + "; a clone or a restore needs namespaces that do not exist"})
		}
	}
	if len(exists) > 0 {
		return nil, 0, invalidFields(10, exists...)
	}
	x.clusterID = c.id
	x.resources, x.containers = mapNamespaces(src.app, pairs)
	x.clusterResources = src.app.clusterResources
	x.sourceAppID, x.sourceClusterID = src.app.id, src.app.clusterID
	if src.snapshot != nil {
		x.snapshotID = src.snapshot.id
	}
	if src.backup != nil {
		x.backupID = src.backup.id
	}
	x.nsMapping, x.scMapping, x.filter = in.nsMapping, in.scMapping, in.filter
	x.restoredFrom = src.app.id
	return x, op, nil
}

// mappedNamespaces returns each namespace of the source app with the
// namespace it gets in the new app: the mapping's, or its own name. A
// mapping source must be a namespace of the source app.
func mappedNamespaces(src *app, mapping []namespacePair, fields *fieldErrors) []namespacePair {
	namespaces := src.namespaces()
	for i, m := range mapping {
		if !slices.Contains(namespaces, m.Source) {
			fields.add("namespaceMapping["+strconv.Itoa(i)+"].source", "is not a namespace of the source app ("+strings.Join(namespaces, ", ")+")")
		}
	}
	pairs := make([]namespacePair, len(namespaces))
	for i, ns := range namespaces {
		pairs[i] = namespacePair{Source: ns, Destination: ns}
		if j := slices.IndexFunc(mapping, func(m namespacePair) bool { return m.Source == ns }); j >= 0 {
			pairs[i].Destination = mapping[j].Destination
		}
	}
	return pairs
}

// mapNamespaces returns the definition and the containers of a copy of
// src whose namespaces are mapped by pairs, in the order of pairs.
func mapNamespaces(src *app, pairs []namespacePair) ([]namespaceResource, []container) {
	var resources []namespaceResource
	var containers []container
	for _, p := range pairs {
		for _, r := range src.resources {
			if r.Namespace == p.Source {
				resources = append(resources, namespaceResource{Namespace: p.Destination, LabelSelectors: slices.Clone(r.LabelSelectors)})
			}
		}
		for _, c := range src.containers {
			if c.namespace == p.Source {
				c.namespace = p.Destination
				containers = append(containers, c)
			}
		}
	}
	return resources, containers
}

// sameDefinition reports whether two definitions name the same namespaces
// with the same selectors, in any order.
func sameDefinition(a, b []namespaceResource) bool {
	if len(a) != len(b) {
		return false
	}
	for _, r := range a {
		i := slices.IndexFunc(b, func(o namespaceResource) bool { return o.Namespace == r.Namespace })
		if i < 0 || !sameSet(r.LabelSelectors, b[i].LabelSelectors) {
			return false
		}
	}
	return true
}

// applyAppPut carries out a PUT on x (a copy, see edit): a rename, new
// labels, or, with snapshotID or backupID, an in-place restore, which
// needs the forceUpdate header (403 problem 11 without it: problem 79,
// "Missing request header", is not listed for the path).
//
// The fields of the app's definition and origin may be sent back but not
// changed (400 problem 9: "the supplied namespace-scoped resource
// definition does not match", problem 137, is not listed; 409 problem 10
// for clusterID and the origin fields); the read-only fields are ignored.
// An in-place restore needs the app ready or failed (409 problem 10
// otherwise), no backup of it under way (409 problem 152), and a completed
// snapshot or backup of this app (400 problem 9).
func (a *API) applyAppPut(x *app, in appBodyInput, force bool) *problem {
	if v := in.get("id"); v != nil && *v != x.id {
		return idMismatch()
	}
	var fields fieldErrors
	if in.hasResources && !sameDefinition(in.resources, x.resources) {
		fields.add("namespaceScopedResources", "does not match the app's definition; an app's namespaces and label selectors "+
			"cannot be changed: unmanage the app and manage it again")
	}
	if in.hasClusterRes && !slices.EqualFunc(in.clusterResources, x.clusterResources, func(p, q clusterResource) bool {
		return p.GVK == q.GVK && sameSet(p.LabelSelectors, q.LabelSelectors)
	}) {
		fields.add("clusterScopedResources", "does not match the app's definition")
	}
	if in.filter != nil && in.get("snapshotID") == nil && in.get("backupID") == nil {
		fields.add("restoreFilter", "applies to an in-place restore only (with snapshotID or backupID)")
	}
	if p := fields.problem(); p != nil {
		return p
	}
	for key, current := range map[string]string{"clusterID": x.clusterID, "sourceAppID": x.sourceAppID, "sourceClusterID": x.sourceClusterID} {
		if v := in.get(key); v != nil && *v != current {
			return invalidFields(10, invalidItem{Name: key, Reason: "cannot be changed"})
		}
	}
	src, p := a.resolveSource(in, "snapshotID", "backupID")
	if p != nil {
		return p
	}
	now := a.now()
	if src != nil {
		key := "snapshotID"
		if src.backup != nil {
			key = "backupID"
		}
		switch state := x.currentState(now, a.opts.Transition); {
		case !force:
			return newProblem(11)
		case src.app.id != x.id:
			return invalidFields(9, invalidItem{Name: key, Reason: "belongs to app " + src.app.id + ", not to this app; restore another app's " +
				"snapshot or backup into a new app (POST) instead"})
		case state != appReady && state != appFailed:
			return invalidFields(10, invalidItem{Name: key, Reason: "the app is " + strconv.Quote(state) + "; an in-place restore needs it ready"})
		case a.backups.Any(func(b *backup) bool { return b.appID == x.id && a.backupBusy(b) }):
			return newProblem(152)
		}
	}
	if name := in.get("name"); name != nil {
		x.name = *name
	}
	if in.metadata.hasLabels {
		x.labels = in.metadata.labels
	}
	x.touch(stamp(now))
	if src != nil {
		a.startAppOp(x, opIPR, now)
		x.restoredFrom = x.id
	}
	return nil
}
