package sdrs

import (
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
)

// Protection group statuses (sdrs.md §1.8).
const (
	statusCreating          = "creating"
	statusAvailable         = "available"
	statusProtected         = "protected"
	statusDeleting          = "deleting"
	statusErrorDeleting     = "error-deleting"
	statusError             = "error"
	statusStarting          = "starting"
	statusErrorStarting     = "error-starting"
	statusReprotecting      = "reprotecting"
	statusErrorReprotecting = "error-reprotecting"
	statusStopping          = "stopping"
	statusErrorStopping     = "error-stopping"
	statusReversing         = "reversing"
	statusErrorReversing    = "error-reversing"
	statusFailingOver       = "failing-over"
	statusFailedOver        = "failed-over"
	statusErrorFailingOver  = "error-failing-over"
)

// Replication statuses (data synchronisation) of groups and pairs
// (sdrs.md §1.3).
const (
	replActive        = "active"
	replInactive      = "inactive"
	replCopying       = "copying"
	replActiveStopped = "active-stopped"
)

// transitional statuses are those of a group with a job under way.
var transitional = map[string]bool{
	statusCreating: true, statusDeleting: true, statusStarting: true, statusReprotecting: true,
	statusStopping: true, statusReversing: true, statusFailingOver: true,
}

// protectionGroup is a protection group.
type protectionGroup struct {
	id          string
	name        string
	description *string
	sourceAZ    string
	targetAZ    string
	domainID    string
	sourceVPC   string
	drType      string
	status      string
	priority    string // source | target: the current production site
	// protectedStatus, replicationStatus and healthStatus are null (nil)
	// until protection is first enabled, as for groups created after the
	// system upgrade (sdrs.md §1.3).
	protectedStatus   *string
	replicationStatus *string
	healthStatus      *string
	progress          int
	createdAt         time.Time
	updatedAt         time.Time
	// job is the group's last job: under way until it is finished.
	job *job
}

// productionAZ is the AZ that currently serves production.
func (g *protectionGroup) productionAZ() string {
	if g.priority == "target" {
		return g.targetAZ
	}
	return g.sourceAZ
}

// runAction moves the group and its pairs to the action's transitional
// status and submits its job, with one sub job per replication pair.
func (a *API) runAction(g *protectionGroup, p *actionPlan, now time.Time) {
	pairs := a.pairsOf(g.id)
	g.status, g.updatedAt = p.during, now
	g.replicationStatus = conv.Ptr(p.duringRepl)
	for _, pr := range pairs {
		pr.status, pr.replicationStatus, pr.updatedAt = p.during, p.duringRepl, now
	}
	j := a.submit(now, p.jobType, g.id, map[string]string{"server_group_id": g.id}, g.description)
	j.subJobType = p.subJobType
	for range pairs {
		j.subJobIDs = append(j.subJobIDs, randomHex())
	}
	g.job = j
	j.onSuccess = func(t time.Time) {
		g.status, g.updatedAt = p.afterStatus, t
		g.replicationStatus, g.healthStatus = conv.Ptr(p.afterRepl), conv.Ptr("normal")
		g.progress = 0
		if p.afterRepl == replActive {
			g.progress = 100
		}
		p.success(g)
		for _, pr := range a.pairsOf(g.id) {
			pr.status, pr.replicationStatus, pr.updatedAt = pairStatusAfter(p.afterStatus), p.afterRepl, t
		}
	}
	j.onFailure = func(t time.Time) {
		g.status, g.updatedAt = p.errorStatus, t
		g.healthStatus = conv.Ptr("abnormal")
		for _, pr := range a.pairsOf(g.id) {
			pr.status, pr.updatedAt = p.errorStatus, t
		}
	}
}

// otherStation is the production site after a failover from s.
func otherStation(s string) string {
	if s == "target" {
		return "source"
	}
	return "target"
}
