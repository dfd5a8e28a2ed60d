package sdrs

import (
	"crypto/sha256"
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"time"
)

// What SDRS acts on beyond its own objects: the ECS servers it protects,
// creates at the DR site and starts for drills, their NICs (VPC ports)
// and EIPs, and the VPCs and subnets they are in. The sandbox serves the
// few ECS and VPC reads and actions a client of SDRS needs (ecs_handlers.go)
// on the same port, as an SDRS-only emulator could not show a protected
// server's flavor, state or NICs (sdrs.md §21).

// ECS server statuses (sdrs.md §21: only these two allow protection).
const (
	serverActive  = "ACTIVE"
	serverShutoff = "SHUTOFF"
)

// flavor is an ECS flavor, offered in both AZs.
type flavor struct {
	id    string
	vcpus int
	ramMB int
}

// findFlavor returns the flavor called id.
func findFlavor(id string) (flavor, bool) {
	i := slices.IndexFunc(Flavors, func(f flavor) bool { return f.id == id })
	if i < 0 {
		return flavor{}, false
	}
	return Flavors[i], true
}

// vpc is a VPC; fixture is false for the drill VPCs SDRS creates.
type vpc struct {
	id, name, cidr string
	fixture        bool
}

// subnet is a VPC subnet. Its ID is the network ID NICs and SDRS take.
type subnet struct {
	id, vpcID, name, cidr, gateway string
	fixture                        bool
}

// securityGroup is a security group.
type securityGroup struct{ id, name string }

// server is an ECS server: a fixture (the production site), a DR-site
// server SDRS created for a protected instance, or a drill server.
type server struct {
	id, name, az, flavor, status, vpcID string
	fixture                             bool
	// instanceID is the protected instance a DR-site or drill server was
	// made for; drillID the drill of a drill server.
	instanceID, drillID string
	createdAt           time.Time
}

// port is a NIC: a VPC port, bound to a server (deviceID) or parked (no
// device: a DR server's primary NIC after a failover, sdrs.md §15).
type port struct {
	id, networkID, ip, deviceID string
	sgIDs                       []string
	primary                     bool
	// eip is the public IP bound to the port, if any; it follows the port.
	eip string
}

// mac is the port's MAC address, derived from its ID.
func (p *port) mac() string {
	h := sha256.Sum256([]byte(p.id))
	return fmt.Sprintf("fa:16:3e:%02x:%02x:%02x", h[0], h[1], h[2])
}

// portsOf returns the NICs of a server, the primary one first.
func (a *API) portsOf(serverID string) []*port {
	ports := a.ports.Filter(func(p *port) bool { return serverID != "" && p.deviceID == serverID })
	slices.SortStableFunc(ports, func(x, y *port) int {
		switch {
		case x.primary == y.primary:
			return 0
		case x.primary:
			return -1
		}
		return 1
	})
	return ports
}

// moveServerPorts moves every NIC of server from to server to.
func (a *API) moveServerPorts(from, to string) {
	for _, p := range a.portsOf(from) {
		p.deviceID = to
	}
}

// swapServerPorts swaps the NICs of two servers (a planned failover
// migrates the IPs, EIPs and MACs of the production site, sdrs.md §15).
func (a *API) swapServerPorts(x, y string) {
	px, py := a.portsOf(x), a.portsOf(y)
	for _, p := range px {
		p.deviceID = y
	}
	for _, p := range py {
		p.deviceID = x
	}
}

// subnetsOf returns the subnets of a VPC.
func (a *API) subnetsOf(vpcID string) []*subnet {
	return a.subnets.Filter(func(s *subnet) bool { return s.vpcID == vpcID })
}

// ipUsed reports whether an IP is taken in a subnet.
func (a *API) ipUsed(subnetID, ip string) bool {
	return a.ports.Any(func(p *port) bool { return p.networkID == subnetID && p.ip == ip })
}

// allocateIP returns want when it is a free address of the subnet, or the
// first free one from .100 when want is empty; SDRS.0219 for an address
// that is not one of the subnet's, SDRS.1334 for one in use.
func (a *API) allocateIP(s *subnet, want string) (string, *apiError) {
	prefix, err := netip.ParsePrefix(s.cidr)
	if err != nil {
		return "", sdrsError("SDRS.0219", "subnet "+s.id+" has no usable CIDR")
	}
	if want != "" {
		ip, err := netip.ParseAddr(want)
		if err != nil || !ip.Is4() || !prefix.Contains(ip) || want == s.gateway || ip == prefix.Masked().Addr() {
			return "", sdrsError("SDRS.0219", strconv.Quote(want)+" is not an address of subnet "+s.cidr)
		}
		if a.ipUsed(s.id, want) {
			return "", sdrsError("SDRS.1334", want+" is in use in subnet "+s.cidr)
		}
		return want, nil
	}
	ip := prefix.Masked().Addr()
	for range 100 {
		ip = ip.Next()
	}
	for ; prefix.Contains(ip); ip = ip.Next() {
		if !a.ipUsed(s.id, ip.String()) && ip.String() != s.gateway {
			return ip.String(), nil
		}
	}
	return "", sdrsError("SDRS.1334", "subnet "+s.cidr+" has no free address")
}

// serverVolumes returns the disks attached to a server, by device: its own
// disks (fixture disks, and replicated disks attached to a protected
// instance's production server), and, for a DR-site server, the DR-site
// disks of the replication pairs attached to its instance.
func (a *API) serverVolumes(s *server) map[string]string {
	out := map[string]string{}
	for _, v := range a.volumes.Filter(func(v *volume) bool { return v.serverID == s.id }) {
		out[v.device] = v.id
	}
	if inst, ok := a.instances.Get(s.instanceID); ok && s.drillID == "" && inst.targetServer == s.id {
		for _, at := range inst.attachments {
			if p, ok := a.pairs.Get(at.pairID); ok && p.targetVolumeID != "" {
				out[at.device] = p.targetVolumeID
			}
		}
	}
	return out
}
