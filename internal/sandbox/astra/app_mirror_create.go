package astra

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// newAppMirror checks a POST body against the topology and the existing
// relationships and returns the relationship and its destination app.
// The caller holds the mirror store's lock.
//
// Answers, in this order: 400 problem 9 for content that cannot be
// carried out (stateDesired other than "established", an unknown app or
// cluster, mappings that do not fit the two clusters, a storage class the
// cluster lacks, a same-cluster relationship without roles); 409 problem 10
// when pathAppID (the app-scoped route's app) is not the body's source app;
// 409 problem 150 for an app that cannot be replicated; 409 problem 10 for
// an app that is already the source or destination of a relationship.
func (a *API) newAppMirror(in appMirrorInput, pathAppID string, now time.Time) (*appMirror, *app, *problem) {
	var fields fieldErrors
	if *in.stateDesired != mirrorEstablished {
		fields.add("stateDesired", `at creation, the only valid value is "established"; fail over with a PUT once the relationship is established`)
	}
	src, srcOK := a.topo.app(*in.sourceAppID)
	if !srcOK {
		fields.add("sourceAppID", "no managed app has this ID")
	}
	destCluster, destOK := a.topo.cluster(*in.destinationClusterID)
	if !destOK {
		fields.add("destinationClusterID", "no managed cluster has this ID")
	}
	if !srcOK || !destOK {
		return nil, nil, fields.problem()
	}
	plan := mirrorPlacement{src: src, srcCluster: src.clusterID, destCluster: destCluster}
	destNamespaces := plan.checkNamespaces(in.nsMapping, &fields)
	plan.checkStorageClasses(in.storageClasses, a.topo, &fields)
	if p := fields.problem(); p != nil {
		return nil, nil, p
	}
	if pathAppID != "" && pathAppID != src.id {
		return nil, nil, invalidFields(10, invalidItem{Name: "sourceAppID", Reason: "must be the app of the request URI, " + pathAppID})
	}
	if !src.replicable {
		p := newProblem(150)
		p.InvalidFields = []invalidItem{{Name: "sourceAppID", Reason: "app " + strconv.Quote(src.name) +
			" uses persistent volumes of more than one storage class; an AppMirror relationship needs an app with a single storage class"}}
		return nil, nil, p
	}
	if other := a.mirrors.involvingLocked(src.id); other != nil {
		role := "source"
		if other.destAppID == src.id {
			role = "destination"
		}
		return nil, nil, invalidFields(10, invalidItem{Name: "sourceAppID", Reason: "app " + strconv.Quote(src.name) +
			" is already the " + role + " of AppMirror " + other.id + "; an app can be in one replication relationship only"})
	}

	stamp := now.UTC().Format(timestampLayout)
	dest := &app{
		id: uuid.NewString(), name: src.name, clusterID: destCluster.id, namespaces: destNamespaces,
		state: "provisioning", protection: "none", createdAt: stamp, modifiedAt: stamp, createdBy: UserID,
		replicaOf: src.id, replicable: true,
	}
	m := &appMirror{
		id: uuid.NewString(), version: in.version,
		sourceAppID: src.id, sourceClusterID: src.clusterID, destAppID: dest.id, destClusterID: destCluster.id,
		nsMapping: in.nsMapping, storageClasses: in.storageClasses,
		phase: phaseEstablish, phaseStart: now,
		labels: in.metadata.labels, createdAt: stamp, modifiedAt: stamp, createdBy: UserID,
	}
	return m, dest, nil
}

// mirrorPlacement is the source app and the two clusters of a new
// relationship, for checking its mappings.
type mirrorPlacement struct {
	src         app
	srcCluster  string
	destCluster cluster
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

// checkNamespaces checks namespaceMapping and returns the destination
// namespaces: the mapping's, or the source app's own names. The source
// entry, if any, must list the source app's namespaces; the destination
// entry as many namespaces, correlated by index.
func (p mirrorPlacement) checkNamespaces(entries []namespaceMappingEntry, fields *fieldErrors) []string {
	srcNS, destNS := p.src.namespaces, []string(nil)
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
			if !sameSet(e.Namespaces, p.src.namespaces) {
				fields.add(where+".namespaces", "must list the source app's namespaces ("+strings.Join(p.src.namespaces, ", ")+")")
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
		return slices.Clone(srcNS)
	}
	if len(destNS) != len(srcNS) {
		fields.add("namespaceMapping", "the destination entry must list "+strconv.Itoa(len(srcNS))+
			" namespace(s), one for each namespace of the source app, correlated by index")
		return nil
	}
	if p.same() {
		for _, ns := range destNS {
			if slices.Contains(p.src.namespaces, ns) {
				fields.add("namespaceMapping", "destination namespace "+strconv.Quote(ns)+" is a namespace of the source app on the same cluster")
			}
		}
	}
	return slices.Clone(destNS)
}

// checkStorageClasses checks that each storageClasses entry names a
// storage class of its cluster.
func (p mirrorPlacement) checkStorageClasses(entries []storageClassEntry, topo *topology, fields *fieldErrors) {
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
		c, _ := topo.cluster(e.ClusterID)
		if !slices.ContainsFunc(c.storageClasses, func(sc storageClass) bool { return sc.name == e.StorageClassName }) {
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
