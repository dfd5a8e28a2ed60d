package sdrs

import (
	"time"

	"github.com/google/uuid"
)

// DR drill statuses (OTC appendixes/dr_drill_status.rst).
const (
	drillCreating      = "creating"
	drillAvailable     = "available"
	drillDeleting      = "deleting"
	drillErrorDeleting = "error-deleting"
	drillError         = "error"
)

// drill is a DR drill of a protection group: one drill server per
// protected instance, made from the DR site's disks, in the drill VPC.
type drill struct {
	id      string
	name    string
	groupID string
	vpcID   string
	status  string
	// servers maps each protected instance to its drill server, once the
	// creation ended.
	servers   []drillServer
	createdAt time.Time
	updatedAt time.Time
	job       *job
}

// drillServer is a drill server of a protected instance.
type drillServer struct{ instanceID, serverID string }

// drillsOf returns the drills of a group, oldest first.
func (a *API) drillsOf(groupID string) []*drill {
	return a.drills.Filter(func(d *drill) bool { return d.groupID == groupID })
}

// startDrillServers creates, when a drill's creation ends, one drill server
// per protected instance of the group (sdrs.md §14.2): in the group's DR AZ,
// with the DR server's flavor, running, with one NIC per NIC of the
// production server at the same address in the drill VPC's subnet of the
// same CIDR.
func (a *API) startDrillServers(d *drill, g *protectionGroup, now time.Time) {
	drAZ := g.targetAZ
	if g.priority == "target" {
		drAZ = g.sourceAZ
	}
	for _, inst := range a.instancesOf(g.id) {
		production, dr := a.productionServer(inst)
		drServer, ok := a.servers.Get(dr)
		if !ok {
			continue
		}
		s := &server{id: uuid.NewString(), name: drServer.name + "-drill", az: drAZ, flavor: drServer.flavor, status: serverActive,
			vpcID: d.vpcID, instanceID: inst.id, drillID: d.id, createdAt: now}
		a.servers.Add(s)
		for _, p := range a.portsOf(production) {
			if sub := a.drillSubnetFor(d.vpcID, p.networkID); sub != nil {
				a.ports.Add(&port{id: uuid.NewString(), networkID: sub.id, ip: p.ip, sgIDs: []string{DefaultSecurityGroupID}, deviceID: s.id,
					primary: p.primary})
			}
		}
		d.servers = append(d.servers, drillServer{instanceID: inst.id, serverID: s.id})
	}
}

// drillSubnetFor returns the subnet of the drill VPC with the CIDR of the
// production subnet networkID.
func (a *API) drillSubnetFor(vpcID, networkID string) *subnet {
	prod, ok := a.subnets.Get(networkID)
	if !ok {
		return nil
	}
	for _, s := range a.subnetsOf(vpcID) {
		if s.cidr == prod.cidr {
			return s
		}
	}
	return nil
}

// removeDrill deletes a drill with its servers and their NICs; the drill
// VPC and its subnets stay (sdrs.md §14.4).
func (a *API) removeDrill(d *drill) {
	for _, ds := range d.servers {
		for _, p := range a.portsOf(ds.serverID) {
			a.ports.Remove(p.id)
		}
		a.servers.Remove(ds.serverID)
	}
	a.drills.Remove(d.id)
}

// copyVPC creates the drill VPC SDRS makes when none is given: the group
// VPC's CIDR and subnets (sdrs.md §14.2).
func (a *API) copyVPC(of *vpc, name string) *vpc {
	v := &vpc{id: uuid.NewString(), name: name, cidr: of.cidr}
	a.vpcs.Add(v)
	for _, s := range a.subnetsOf(of.id) {
		a.subnets.Add(&subnet{id: uuid.NewString(), vpcID: v.id, name: s.name + "-drill", cidr: s.cidr, gateway: s.gateway})
	}
	return v
}
