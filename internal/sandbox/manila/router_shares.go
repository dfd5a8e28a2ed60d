package manila

import "net/http"

// since registers a route that exists from the given microversion on:
// a server whose release predates it has no such route, and answers its
// path as unrouted (manila.md §3.3).
func (a *API) since(mux *http.ServeMux, pattern string, rt route) {
	if a.maxVersion.less(rt.from) {
		return
	}
	a.handle(mux, pattern, rt)
}

// registerShares adds the routes of shares, their snapshots, access
// rules, export locations, metadata and replicas, share networks, security
// services, availability zones and user messages, each from the
// microversion that added it (manila-groups.md §1, §14.1).
func (a *API) registerShares(mux *http.ServeMux) {
	p := projectPrefix
	core := route{from: v20}
	a.handle(mux, "GET "+p+"/shares", core.with(a.listShares(false)))
	a.handle(mux, "GET "+p+"/shares/detail", core.with(a.listShares(true)))
	a.handle(mux, "POST "+p+"/shares", core.with(a.createShare))
	a.handle(mux, "GET "+p+"/shares/{id}", core.with(a.showShare))
	a.handle(mux, "PUT "+p+"/shares/{id}", core.with(a.updateShare))
	a.handle(mux, "DELETE "+p+"/shares/{id}", core.with(a.deleteShare))
	a.handleActions(mux, p+"/shares/{id}/action", a.shareActions())
	a.handle(mux, "GET "+p+"/shares/{id}/metadata", core.with(a.showShareMetadata))
	a.handle(mux, "POST "+p+"/shares/{id}/metadata", core.with(a.setShareMetadata(false)))
	a.handle(mux, "PUT "+p+"/shares/{id}/metadata", core.with(a.setShareMetadata(true)))
	a.handle(mux, "GET "+p+"/shares/{id}/metadata/{key}", core.with(a.showShareMetadatum))
	a.handle(mux, "PUT "+p+"/shares/{id}/metadata/{key}", core.with(a.setShareMetadatum))
	a.handle(mux, "DELETE "+p+"/shares/{id}/metadata/{key}", core.with(a.deleteShareMetadatum))
	exports := route{from: v29}
	a.since(mux, "GET "+p+"/shares/{id}/export_locations", exports.with(a.listExportLocations))
	a.since(mux, "GET "+p+"/shares/{id}/export_locations/{el}", exports.with(a.showExportLocation))
	rules := route{from: v245}
	a.since(mux, "GET "+p+"/share-access-rules", rules.with(a.listAccessRules))
	a.since(mux, "GET "+p+"/share-access-rules/{id}", rules.with(a.showAccessRule))

	a.handle(mux, "GET "+p+"/snapshots", core.with(a.listShareSnapshots(false)))
	a.handle(mux, "GET "+p+"/snapshots/detail", core.with(a.listShareSnapshots(true)))
	a.handle(mux, "POST "+p+"/snapshots", core.with(a.createShareSnapshot))
	a.handle(mux, "GET "+p+"/snapshots/{id}", core.with(a.showShareSnapshot))
	a.handle(mux, "PUT "+p+"/snapshots/{id}", core.with(a.updateShareSnapshot))
	a.handle(mux, "DELETE "+p+"/snapshots/{id}", core.with(a.deleteShareSnapshot))
	a.handleActions(mux, p+"/snapshots/{id}/action", a.shareSnapshotActions())

	replicas := route{from: v211, experimental: true, graduates: &v256}
	a.since(mux, "GET "+p+"/share-replicas", replicas.with(a.listReplicas(false)))
	a.since(mux, "GET "+p+"/share-replicas/detail", replicas.with(a.listReplicas(true)))
	a.since(mux, "POST "+p+"/share-replicas", replicas.with(a.createReplica))
	a.since(mux, "GET "+p+"/share-replicas/{id}", replicas.with(a.showReplica))
	a.since(mux, "DELETE "+p+"/share-replicas/{id}", replicas.with(a.deleteReplica))
	if !a.maxVersion.less(v211) {
		a.handleActions(mux, p+"/share-replicas/{id}/action", a.replicaActions())
	}
	replicaExports := route{from: v247, experimental: true, graduates: &v256}
	a.since(mux, "GET "+p+"/share-replicas/{id}/export-locations", replicaExports.with(a.listReplicaExportLocations))
	a.since(mux, "GET "+p+"/share-replicas/{id}/export-locations/{el}", replicaExports.with(a.showReplicaExportLocation))

	a.handle(mux, "POST "+p+"/share-networks", core.with(a.createShareNetwork))
	a.handle(mux, "PUT "+p+"/share-networks/{id}", core.with(a.updateShareNetwork))
	a.handle(mux, "DELETE "+p+"/share-networks/{id}", core.with(a.deleteShareNetwork))
	a.handleActions(mux, p+"/share-networks/{id}/action", a.shareNetworkActions())
	a.handle(mux, "GET "+p+"/security-services", core.with(a.listSecurityServices(false)))
	a.handle(mux, "GET "+p+"/security-services/detail", core.with(a.listSecurityServices(true)))
	a.handle(mux, "GET "+p+"/security-services/{id}", core.with(a.showSecurityService))
	a.handle(mux, "GET "+p+"/os-availability-zone", route{from: v20, to: &v26, handle: a.listAvailabilityZones})
	a.since(mux, "GET "+p+"/availability-zones", route{from: v27, handle: a.listAvailabilityZones})
	a.since(mux, "GET "+p+"/messages", route{from: v237, handle: a.listMessages})
}

// registerShareGroups adds the routes of share groups, their snapshots
// and their types (2.31 on, experimental up to 2.54; manila-groups.md §6–§8).
func (a *API) registerShareGroups(mux *http.ServeMux) {
	p := projectPrefix
	sg := route{from: v231, experimental: true, graduates: &v255}
	a.since(mux, "GET "+p+"/share-groups", sg.with(a.listShareGroups(false)))
	a.since(mux, "GET "+p+"/share-groups/detail", sg.with(a.listShareGroups(true)))
	a.since(mux, "POST "+p+"/share-groups", sg.with(a.createShareGroup))
	a.since(mux, "GET "+p+"/share-groups/{id}", sg.with(a.showShareGroup))
	a.since(mux, "PUT "+p+"/share-groups/{id}", sg.with(a.updateShareGroup))
	a.since(mux, "DELETE "+p+"/share-groups/{id}", sg.with(a.deleteShareGroup))
	a.since(mux, "GET "+p+"/share-group-snapshots", sg.with(a.listGroupSnapshots(false)))
	a.since(mux, "GET "+p+"/share-group-snapshots/detail", sg.with(a.listGroupSnapshots(true)))
	a.since(mux, "POST "+p+"/share-group-snapshots", sg.with(a.createGroupSnapshot))
	a.since(mux, "GET "+p+"/share-group-snapshots/{id}", sg.with(a.showGroupSnapshot))
	a.since(mux, "PUT "+p+"/share-group-snapshots/{id}", sg.with(a.updateGroupSnapshot))
	a.since(mux, "DELETE "+p+"/share-group-snapshots/{id}", sg.with(a.deleteGroupSnapshot))
	a.since(mux, "GET "+p+"/share-group-snapshots/{id}/members", sg.with(a.listGroupMembers))
	a.since(mux, "GET "+p+"/share-group-types", sg.with(a.listShareGroupTypes))
	a.since(mux, "GET "+p+"/share-group-types/default", sg.with(a.showDefaultShareGroupType))
	a.since(mux, "GET "+p+"/share-group-types/{id}", sg.with(a.showShareGroupType))
	if a.maxVersion.less(v231) {
		return
	}
	groupRows, snapRows := a.db.shareGroupAdmin(), a.db.groupSnapshotAdmin()
	a.handleActions(mux, p+"/share-groups/{id}/action", map[string]route{
		"reset_status": sg.with(func(c *call) *fault { return a.resetStatus(c, groupRows) }),
		"force_delete": sg.with(func(c *call) *fault { return a.forceDelete(c, groupRows) }),
	})
	a.handleActions(mux, p+"/share-group-snapshots/{id}/action", map[string]route{
		"reset_status": sg.with(func(c *call) *fault { return a.resetStatus(c, snapRows) }),
		"force_delete": sg.with(func(c *call) *fault { return a.forceDelete(c, snapRows) }),
	})
}
