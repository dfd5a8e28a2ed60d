package sdrs

import "time"

// Replication pair statuses (OTC appendixes/replication_pair_status.rst);
// during and after protection group actions a pair takes its group's
// status (starting, protected, failed-over, error-stopping, ...).
const (
	pairCreating      = "creating"
	pairAvailable     = "available"
	pairDeleting      = "deleting"
	pairErrorDeleting = "error-deleting"
	pairError         = "error"
	pairAttaching     = "attaching"
	pairDetaching     = "detaching"
	pairExtending     = "extending"
)

// replicationPair is a replication pair: a fixture disk of its group's
// production site and the DR-site disk created for it.
type replicationPair struct {
	id                string
	name              string
	description       *string
	groupID           string
	volumeID          string
	targetVolumeID    string
	status            string
	replicationStatus string
	failureDetail     *string
	// broken is what a break of the replication link changed (the
	// sandbox's POST /_sandbox/sdrs/replications/{id}/break), nil while
	// the link is up.
	broken *pairBreak
	// instanceID and device are the protected instance the pair is
	// attached to and its device name there; auto marks a pair that the
	// creation of a protected instance made for one of its server's disks.
	instanceID string
	device     string
	auto       bool
	createdAt  time.Time
	updatedAt  time.Time
	// job is the pair's last job: under way until it is finished.
	job *job
}

// pairsOf returns the replication pairs of a group, oldest first.
func (a *API) pairsOf(groupID string) []*replicationPair {
	return a.pairs.Filter(func(p *replicationPair) bool { return p.groupID == groupID })
}

// pairStatusAfter maps a group's settled status to its pairs' status: a
// pair of an unprotected group is "available".
func pairStatusAfter(groupStatus string) string {
	if groupStatus == statusAvailable {
		return pairAvailable
	}
	return groupStatus
}

// priorityOf returns the current production site of a pair's group.
func (a *API) priorityOf(p *replicationPair) string {
	if g, ok := a.groups.Get(p.groupID); ok {
		return g.priority
	}
	return "source"
}
