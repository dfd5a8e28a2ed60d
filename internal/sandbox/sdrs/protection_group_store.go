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
	instances := a.instancesOf(g.id)
	g.status, g.updatedAt = p.during, now
	g.replicationStatus = conv.Ptr(p.duringRepl)
	for _, pr := range pairs {
		pr.status, pr.replicationStatus, pr.updatedAt = p.during, p.duringRepl, now
	}
	for _, inst := range instances {
		if inst.targetServer != "" {
			inst.status, inst.updatedAt = p.during, now
		}
	}
	j := a.submit(now, p.jobType, g.id, map[string]string{"server_group_id": g.id}, g.description)
	a.about(j, g.id, g.id, g.name)
	j.subJobType = p.subJobType
	for range pairs {
		j.subJobIDs = append(j.subJobIDs, randomHex())
	}
	g.job = j
	j.effect = jobEffect{group: g, station: p.station}
	a.bind(j)
}

// bindAction sets the onSuccess and onFailure of j, the job of an action
// on g planned as p.
func (a *API) bindAction(j *job, g *protectionGroup, p *actionPlan) {
	j.onSuccess = func(t time.Time) {
		g.status, g.updatedAt = p.afterStatus, t
		g.replicationStatus, g.healthStatus = conv.Ptr(p.afterRepl), conv.Ptr("normal")
		g.progress = 0
		if p.afterRepl == replActive {
			g.progress = 100
		}
		if p.servers != nil {
			for _, inst := range a.instancesOf(g.id) {
				if inst.targetServer != "" {
					p.servers(inst)
				}
			}
		}
		p.success(g)
		for _, pr := range a.pairsOf(g.id) {
			pr.status, pr.replicationStatus, pr.updatedAt = pairStatusAfter(p.afterStatus), p.afterRepl, t
		}
		for _, inst := range a.instancesOf(g.id) {
			if inst.targetServer != "" {
				inst.status, inst.updatedAt = instanceStatusAfter(p.afterStatus), t
			}
		}
	}
	j.onFailure = func(t time.Time) {
		g.status, g.updatedAt = p.errorStatus, t
		g.healthStatus = conv.Ptr("abnormal")
		for _, pr := range a.pairsOf(g.id) {
			pr.status, pr.updatedAt = p.errorStatus, t
		}
		for _, inst := range a.instancesOf(g.id) {
			if inst.targetServer != "" {
				inst.status, inst.updatedAt = p.errorStatus, t
			}
		}
	}
}

// drillPeriod is how long a group counts as drilled for query_type
// period_no_dr_drill (three months, sdrs.md §1.4).
const drillPeriod = 90 * 24 * time.Hour

// drilledSince reports whether a DR drill of g was created in the last
// drillPeriod before now.
func (a *API) drilledSince(g *protectionGroup, now time.Time) bool {
	return a.drills.Any(func(d *drill) bool { return d.groupID == g.id && now.Sub(d.createdAt) < drillPeriod })
}

// failoverServers applies a failover to an instance's servers (sdrs.md
// §15): the production server is forced off and loses its NICs, which
// (with their IPs, EIPs and MACs) move to the DR server; the DR server's
// own primary NIC is parked, to-be-used, until re-protection; the DR
// server stays stopped, to be started by hand.
func (a *API) failoverServers(inst *protectedInstance) {
	production, dr := a.productionServer(inst)
	if s, ok := a.servers.Get(production); ok {
		s.status = serverShutoff
	}
	for _, p := range a.portsOf(dr) {
		p.deviceID = ""
		inst.parked = append(inst.parked, p.id)
	}
	a.moveServerPorts(production, dr)
}

// reprotectServers attaches the NICs a failover parked to the servers of
// the new DR site (sdrs.md §15).
func (a *API) reprotectServers(inst *protectedInstance) {
	// The group's production site is already the other one: the DR server
	// now is the creation-time production server.
	_, dr := a.productionServer(inst)
	for _, id := range inst.parked {
		if p, ok := a.ports.Get(id); ok {
			p.deviceID = dr
		}
	}
	inst.parked = nil
}

// reverseServers applies a planned failover to an instance's servers: the
// production site's NICs move to the other server, and the DR site's NICs
// to the former production server, as SDRS migrates them [I].
func (a *API) reverseServers(inst *protectedInstance) {
	production, dr := a.productionServer(inst)
	a.swapServerPorts(production, dr)
}

// checkServersStopped refuses an action while a server of the group's
// current production site (production) or DR site is running: a planned
// failover needs the production servers stopped (SDRS.1319), a
// re-protection the DR site's (SDRS.1342, sdrs.md §1.7, §15).
func (a *API) checkServersStopped(g *protectionGroup, production bool, code string) *apiError {
	for _, inst := range a.instancesOf(g.id) {
		if inst.targetServer == "" {
			continue
		}
		prod, dr := a.productionServer(inst)
		id := dr
		if production {
			id = prod
		}
		if a.serverRunning(id) {
			return sdrsError(code, "server "+id+" of protected instance "+inst.id+" is running; stop it first")
		}
	}
	return nil
}

// otherStation is the production site after a failover from s.
func otherStation(s string) string {
	if s == "target" {
		return "source"
	}
	return "target"
}
