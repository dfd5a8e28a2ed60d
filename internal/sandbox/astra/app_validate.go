package astra

import (
	"encoding/json"
	"slices"
	"strconv"
)

// appPostSchema is app_2.2_post_request_body.
var appPostSchema = objectSchema{
	name: "app_2.2_post_request_body",
	properties: []string{"type", "version", "name", "clusterScopedResources", "namespaceScopedResources",
		"namespaceMapping", "storageClassMapping", "clusterID", "sourceAppID", "sourceClusterID", "backupID",
		"snapshotID", "restoreFilter", "metadata"},
	required: []string{"type", "version", "name"},
}

// appInput is a validated POST body: a new app of namespaces on a cluster.
type appInput struct {
	name       string
	cluster    *cluster
	namespaces []string
}

// parseApp validates a POST body (problems 8 and 9). The sandbox does not
// emulate Kubernetes, so any DNS-1123 namespace is taken to exist; cloning
// and restoring (sourceAppID, backupID, snapshotID, …) are not emulated:
// 400 problem 9.
func (a *API) parseApp(obj map[string]json.RawMessage) (appInput, *problem) {
	var in appInput
	if p := appPostSchema.check(obj); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "type", appType); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "version", "2.2", "2.1", "2.0"); p != nil {
		return in, p
	}
	name, _, p := stringField(obj, "name")
	if p != nil {
		return in, p
	}
	clusterID, hasCluster, p := stringField(obj, "clusterID")
	if p != nil {
		return in, p
	}
	var resources []namespaceResourceBody
	if raw, ok := obj["namespaceScopedResources"]; ok {
		if p := decodeItems("namespaceScopedResources", raw, []string{"namespace", "labelSelectors"}, &resources); p != nil {
			return in, p
		}
	}
	var fields fieldErrors
	if len(name) > 63 || !dns1123Re.MatchString(name) {
		fields.add("name", "must be a DNS-1123 label of 1 to 63 characters")
	}
	for _, key := range []string{"clusterScopedResources", "namespaceMapping", "storageClassMapping", "sourceAppID",
		"sourceClusterID", "backupID", "snapshotID", "restoreFilter"} {
		if _, ok := obj[key]; ok {
			fields.add(key, "cloning, restoring and cluster-scoped resources are not emulated by the sandbox")
		}
	}
	c, known := a.clusters.Get(clusterID)
	switch {
	case !hasCluster:
		fields.add("clusterID", "is required on this path: the managed cluster that runs the app")
	case !known:
		fields.add("clusterID", "no managed cluster has this ID")
	}
	if len(resources) == 0 {
		fields.add("namespaceScopedResources", "must name at least one namespace")
	}
	var namespaces []string
	for i, res := range resources {
		if len(res.Namespace) > 63 || !dns1123Re.MatchString(res.Namespace) {
			fields.add("namespaceScopedResources["+strconv.Itoa(i)+"].namespace", "must be a DNS-1123 label of 1 to 63 characters")
		}
		if slices.Contains(namespaces, res.Namespace) {
			fields.add("namespaceScopedResources", "namespaces must be unique")
		}
		namespaces = append(namespaces, res.Namespace)
	}
	// Labels are validated but not kept: apps' labels play no part here.
	if _, p := parseMetadataUpdate(obj, &fields); p != nil {
		return in, p
	}
	if p := fields.problem(); p != nil {
		return in, p
	}
	return appInput{name: name, cluster: c, namespaces: namespaces}, nil
}
