package sdrs

import (
	"slices"
	"time"

	"github.com/google/uuid"
)

// Protected instance statuses of their own (sdrs.md §9.8); during and after
// the group's actions an instance takes its group's statuses.
const (
	instanceNICCreating   = "nic-creating"
	instanceNICDeleting   = "nic-deleting"
	instanceResizing      = "resizing"
	instanceErrorResizing = "error-resizing"
	instanceInvalid       = "invalid"
	instanceFault         = "fault"
)

// instanceTransitional are the statuses of an instance with a job of its
// own or of its group under way.
var instanceTransitional = []string{statusCreating, statusDeleting, instanceNICCreating, instanceNICDeleting, instanceResizing,
	statusStarting, statusStopping, statusReversing, statusFailingOver, statusReprotecting}

// protectedInstance is a protected instance: a production-site server of
// a protection group and the DR-site server SDRS created for it.
type protectedInstance struct {
	id          string
	name        string
	description *string
	groupID     string
	// sourceServer and targetServer are the production-site server given
	// at creation and the DR-site server SDRS created, fixed across
	// planned failovers and failovers: priority_station tells which one is
	// production (sdrs.md §9.3, §23: decided so, as the group's AZs do not
	// change either and the Huawei provider maps server_id, a ForceNew
	// argument, to source_server).
	sourceServer string
	targetServer string
	status       string
	tags         []tag
	attachments  []instanceAttachment
	// parked are the DR-site server's primary NICs that a failover left
	// without a server, until re-protection attaches them to the servers
	// of the new DR site (sdrs.md §15).
	parked    []string
	createdAt time.Time
	updatedAt time.Time
	// job is the instance's last job (its own, an attachment's or a NIC's).
	job *job
}

// instanceAttachment is a replication pair attached to an instance.
type instanceAttachment struct {
	pairID string
	device string
}

// tag is a key and value of a protected instance.
type tag struct{ key, value string }

// instancesOf returns the protected instances of a group, oldest first.
func (a *API) instancesOf(groupID string) []*protectedInstance {
	return a.instances.Filter(func(i *protectedInstance) bool { return i.groupID == groupID })
}

// productionServer returns the server of the instance that is production
// now (after a planned failover or a failover, the DR-site server), and the
// other one.
func (a *API) productionServer(inst *protectedInstance) (production, dr string) {
	if g, ok := a.groups.Get(inst.groupID); ok && g.priority == "target" {
		return inst.targetServer, inst.sourceServer
	}
	return inst.sourceServer, inst.targetServer
}

// hasDevice reports whether the instance has a disk at device.
func (inst *protectedInstance) hasDevice(device string) bool {
	return slices.ContainsFunc(inst.attachments, func(at instanceAttachment) bool { return at.device == device })
}

// detach removes the attachment of a pair from the instance and from the
// pair, and detaches the pair's production-site disk from its server; a
// disk of the server's own (a pair created with the instance) stays on it
// in the sandbox [I].
func (a *API) detach(inst *protectedInstance, p *replicationPair) {
	inst.attachments = slices.DeleteFunc(inst.attachments, func(at instanceAttachment) bool { return at.pairID == p.id })
	p.instanceID, p.device = "", ""
	if v, ok := a.volumes.Get(p.volumeID); ok && v.serverID == inst.sourceServer && !v.own {
		v.serverID, v.device = "", ""
	}
}

// attach attaches a pair to the instance at device: its production-site
// disk to the production server, its DR-site disk to the DR server.
func (a *API) attach(inst *protectedInstance, p *replicationPair, device string) {
	inst.attachments = append(inst.attachments, instanceAttachment{pairID: p.id, device: device})
	p.instanceID, p.device = inst.id, device
	if v, ok := a.volumes.Get(p.volumeID); ok && v.serverID == "" {
		v.serverID, v.device = inst.sourceServer, device
	}
}

// buildDRSite creates what the creation of a protected instance makes at
// the DR site (sdrs.md §9.2): the DR server (same name, stopped, in the
// group's DR AZ), its primary NIC, and one replication pair per disk of
// the production server, attached to the instance at the disk's device.
func (a *API) buildDRSite(inst *protectedInstance, g *protectionGroup, spec instanceSpec, now time.Time) {
	src, _ := a.servers.Get(inst.sourceServer)
	drAZ := g.targetAZ
	if g.priority == "target" {
		drAZ = g.sourceAZ
	}
	dr := &server{id: inst.targetServer, name: src.name, az: drAZ, flavor: spec.drFlavor, status: serverShutoff, vpcID: src.vpcID,
		instanceID: inst.id, createdAt: now}
	a.servers.Add(dr)
	a.ports.Add(&port{id: uuid.NewString(), networkID: spec.subnet.id, ip: spec.ip, sgIDs: []string{DefaultSecurityGroupID}, deviceID: dr.id, primary: true})
	for _, v := range a.volumes.Filter(func(v *volume) bool { return v.serverID == src.id }) {
		p := &replicationPair{
			id: uuid.NewString(), name: inst.name + "-" + v.device[len("/dev/"):], groupID: g.id, volumeID: v.id,
			targetVolumeID: uuid.NewSHA1(fixtureNamespace, []byte("dr-volume/"+v.id+"/"+inst.id)).String(),
			status:         pairStatusAfter(g.status), replicationStatus: replInactive, auto: true, createdAt: now, updatedAt: now,
		}
		if g.status == statusProtected {
			p.replicationStatus = replActive
		}
		v.pairID = p.id
		a.pairs.Add(p)
		inst.attachments = append(inst.attachments, instanceAttachment{pairID: p.id, device: v.device})
		p.instanceID, p.device = inst.id, v.device
	}
}

// instanceSpec is what a create request fixed for the DR site.
type instanceSpec struct {
	drFlavor string
	subnet   *subnet
	ip       string
}

// removeInstance applies the end of an instance's deletion (sdrs.md §9.7):
// the pairs created with it are deleted and the pairs attached to it later
// are detached and kept (§23 leaves it open; decided so because such a
// pair was made on its own, by a replication pair resource that still
// tracks it); the production server is never deleted; the DR server, with
// the disks attached to it, only with deleteServer, and its EIPs are then
// released with deleteEIP, else unbound.
func (a *API) removeInstance(inst *protectedInstance, deleteServer, deleteEIP bool) {
	for _, at := range slices.Clone(inst.attachments) {
		p, ok := a.pairs.Get(at.pairID)
		if !ok {
			continue
		}
		a.detach(inst, p)
		if p.auto {
			a.pairs.Remove(p.id)
			if v, ok := a.volumes.Get(p.volumeID); ok && v.pairID == p.id {
				v.pairID = ""
			}
		}
	}
	// NICs parked by a failover go back to the DR server.
	for _, id := range inst.parked {
		if p, ok := a.ports.Get(id); ok {
			p.deviceID = inst.targetServer
		}
	}
	if deleteServer {
		for _, p := range a.portsOf(inst.targetServer) {
			if !deleteEIP {
				p.eip = ""
			}
			a.ports.Remove(p.id)
		}
		a.servers.Remove(inst.targetServer)
	}
	a.instances.Remove(inst.id)
}

// instanceStatusAfter maps a group's settled status to its instances'.
func instanceStatusAfter(groupStatus string) string {
	if groupStatus == statusAvailable {
		return statusAvailable
	}
	return groupStatus
}

// settledInstance reports whether an instance has no job under way.
func settledInstance(inst *protectedInstance) bool {
	return !slices.Contains(instanceTransitional, inst.status)
}
