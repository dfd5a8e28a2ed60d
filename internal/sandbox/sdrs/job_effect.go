package sdrs

import (
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/google/uuid"
)

// jobEffect is what a job changes when it ends, as data: the objects it
// acts on and the values its request chose. bind makes the job's
// onSuccess and onFailure of it, when the job is submitted and again when
// -state restores a job under way (the closures themselves cannot be
// saved).
type jobEffect struct {
	group    *protectionGroup
	pair     *replicationPair
	instance *protectedInstance
	drill    *drill
	volume   *volume
	nic      *port
	// source is the production server of a protected instance being
	// created, spec its DR site and drServer the DR server's ID.
	source   *server
	spec     instanceSpec
	drServer string
	// production is the production server a NIC is added to.
	production string
	// before is the status the object returns to.
	before string
	// size is a pair's new size; device where a pair is attached;
	// station a planned failover's new production site; targets the
	// flavors of a resize, by server ID.
	size                    int
	device                  string
	station                 string
	deleteServer, deleteEIP bool
	targets                 map[string]string
}

// bind sets j's onSuccess and onFailure from its jobType and effect.
func (a *API) bind(j *job) {
	e := j.effect
	switch j.jobType {
	case jobCreateGroup:
		g := e.group
		j.onSuccess = func(t time.Time) { g.status, g.updatedAt = statusAvailable, t }
		j.onFailure = func(t time.Time) {
			g.status, g.updatedAt = statusError, t
			g.healthStatus = conv.Ptr("abnormal")
		}
	case jobDeleteGroup:
		g := e.group
		j.onSuccess = func(time.Time) { a.groups.Remove(g.id) }
		j.onFailure = func(t time.Time) {
			g.status, g.updatedAt = statusErrorDeleting, t
			g.healthStatus = conv.Ptr("abnormal")
		}
	case jobStart, jobReprotect, jobStop, jobFailover, jobReverse:
		a.bindAction(j, e.group, a.plan(j.jobType, e.station))
	case jobCreatePair:
		p := e.pair
		j.onSuccess = func(t time.Time) {
			p.targetVolumeID = uuid.NewSHA1(fixtureNamespace, []byte("dr-volume/"+p.id)).String()
			p.status, p.updatedAt = pairAvailable, t
			// A pair added to a protected group is protected at once.
			if grp, ok := a.groups.Get(p.groupID); ok && grp.status == statusProtected {
				p.status, p.replicationStatus = statusProtected, replActive
			}
		}
		j.onFailure = func(t time.Time) {
			p.status, p.updatedAt = pairError, t
			p.failureDetail = conv.Ptr(codeCreatePairFailed)
		}
	case jobDeletePair:
		p := e.pair
		j.onSuccess = func(time.Time) {
			a.pairs.Remove(p.id)
			if v, ok := a.volumes.Get(p.volumeID); ok && v.pairID == p.id {
				v.pairID = ""
			}
		}
		j.onFailure = func(t time.Time) { p.status, p.updatedAt = pairErrorDeleting, t }
	case jobExpandPair:
		p := e.pair
		j.onSuccess = func(t time.Time) {
			e.volume.sizeGB = e.size
			p.status, p.updatedAt = e.before, t
		}
		j.onFailure = func(t time.Time) { p.status, p.updatedAt = "error-extending", t }
	case jobCreateDrill:
		d := e.drill
		j.onSuccess = func(t time.Time) {
			a.startDrillServers(d, e.group, t)
			d.status, d.updatedAt = drillAvailable, t
		}
		j.onFailure = func(t time.Time) { d.status, d.updatedAt = drillError, t }
	case jobDeleteDrill:
		d := e.drill
		j.onSuccess = func(time.Time) { a.removeDrill(d) }
		j.onFailure = func(t time.Time) { d.status, d.updatedAt = drillErrorDeleting, t }
	case jobCreateInstance:
		inst := e.instance
		j.onSuccess = func(t time.Time) {
			inst.targetServer = e.drServer
			grp, _ := a.groups.Get(inst.groupID)
			a.buildDRSite(inst, grp, e.spec, t)
			inst.status, inst.updatedAt = instanceStatusAfter(grp.status), t
		}
		j.onFailure = func(t time.Time) {
			inst.status, inst.updatedAt = statusError, t
			e.source.instanceID = ""
		}
	case jobDeleteInstance:
		inst := e.instance
		j.onSuccess = func(time.Time) {
			if s, ok := a.servers.Get(inst.sourceServer); ok && s.instanceID == inst.id {
				s.instanceID = ""
			}
			a.removeInstance(inst, e.deleteServer, e.deleteEIP)
		}
		j.onFailure = func(t time.Time) {
			inst.status, inst.updatedAt = statusErrorDeleting, t
			if e.before == statusError {
				inst.status = statusError
			}
		}
	case jobAttach:
		inst, p := e.instance, e.pair
		j.onSuccess = func(t time.Time) {
			p.status, p.updatedAt = e.before, t
			a.attach(inst, p, e.device)
		}
		j.onFailure = func(t time.Time) { p.status, p.updatedAt = "error-attaching", t }
	case jobDetach:
		inst, p := e.instance, e.pair
		j.onSuccess = func(t time.Time) {
			before := e.before
			if before == "error-attaching" || before == "error-detaching" {
				before = pairStatusAfter(e.group.status)
			}
			p.status, p.updatedAt = before, t
			a.detach(inst, p)
		}
		j.onFailure = func(t time.Time) { p.status, p.updatedAt = "error-detaching", t }
	case jobAddNIC:
		inst, nic := e.instance, e.nic
		j.onSuccess = func(t time.Time) {
			nic.deviceID = e.production
			inst.status, inst.updatedAt = e.before, t
		}
		j.onFailure = func(t time.Time) {
			a.ports.Remove(nic.id)
			inst.status, inst.updatedAt = e.before, t
		}
	case jobDeleteNIC:
		inst, nic := e.instance, e.nic
		j.onSuccess = func(t time.Time) {
			a.ports.Remove(nic.id)
			inst.status, inst.updatedAt = e.before, t
		}
		j.onFailure = func(t time.Time) { inst.status, inst.updatedAt = e.before, t }
	case jobResize:
		inst := e.instance
		j.onSuccess = func(t time.Time) {
			for id, f := range e.targets {
				if s, ok := a.servers.Get(id); ok {
					s.flavor = f
				}
			}
			inst.status, inst.updatedAt = e.before, t
		}
		j.onFailure = func(t time.Time) { inst.status, inst.updatedAt = instanceErrorResizing, t }
	}
}
