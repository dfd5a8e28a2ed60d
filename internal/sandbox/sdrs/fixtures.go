package sdrs

import (
	"fmt"
	"strings"

	"github.com/google/uuid"
)

// Credentials and location of the sandbox's only project. A real AK is 20
// upper-case letters and digits, an SK 40 characters, a project ID 32 hex
// digits; the sandbox's have the same shapes.
const (
	Region    = "cn-north-4"
	AccessKey = "SANDBOXSDRSAK0000001"
	SecretKey = "sandboxSdrsSecretKey0000000000000000001x"
)

// Availability zones of the active-active domain: the local (production)
// one first.
const (
	AZ1 = "cn-north-4a"
	AZ2 = "cn-north-4b"
)

// DomainName is the name of the only active-active domain.
const DomainName = "SDRS_HypeDomain01"

// fixtureNamespace is the UUID namespace of every deterministic fixture ID.
var fixtureNamespace = uuid.NewSHA1(uuid.NameSpaceURL,
	[]byte("https://github.com/continuity-dr/terraform-provider-continuity/sandbox/sdrs"))

// fixtureID returns the deterministic ID of the fixture called name.
func fixtureID(name string) string {
	return uuid.NewSHA1(fixtureNamespace, []byte(name)).String()
}

// Deterministic fixture IDs: the same on every start.
var (
	// ProjectID is the only project (32 hex digits, as Huawei Cloud's).
	ProjectID = strings.ReplaceAll(fixtureID("project"), "-", "")
	// DomainID is the only active-active domain.
	DomainID = fixtureID("domain/" + DomainName)
	// VPCID is the only VPC that protection groups may use.
	VPCID = fixtureID("vpc/sandbox-vpc")
	// SubnetID is the subnet of VPCID (192.168.0.0/24) that the servers'
	// NICs are in; on Huawei Cloud a subnet's ID is its Neutron network ID,
	// the ID SDRS takes as primary_subnet_id and as a NIC's subnet_id
	// (sdrs.md §21).
	SubnetID = fixtureID("subnet/sandbox-subnet")
	// DrillVPCID is a VPC for DR drills, with a subnet of the same CIDR as
	// the group VPC's (a drill VPC must have it, sdrs.md §14.2).
	DrillVPCID = fixtureID("vpc/sandbox-drill-vpc")
	// DrillSubnetID is the subnet of DrillVPCID.
	DrillSubnetID = fixtureID("subnet/sandbox-drill-subnet")
	// DefaultSecurityGroupID ("Sys-default") is the security group of every
	// fixture NIC, and of a NIC added without security groups;
	// SecurityGroupID ("sandbox-web") is another one for NICs.
	DefaultSecurityGroupID = fixtureID("security-group/Sys-default")
	SecurityGroupID        = fixtureID("security-group/sandbox-web")
	// VolumeIDs are the free EVS disks of the production AZ (AZ1) from
	// which replication pairs can be created; each serves one pair at a
	// time. They are attached to no server.
	VolumeIDs = volumeIDs(volumeCount)
	// ServerIDs are the ECS servers of the production AZ (AZ1), in the
	// group VPC's subnet, each with a system disk (/dev/vda) and a data disk
	// (/dev/vdb) of its own; the first has an EIP. They run (ACTIVE).
	ServerIDs = serverIDs(serverCount)
)

// Flavors are the ECS flavors of both AZs, the servers' (FlavorID) first:
// every one is a KVM flavor, so devices are /dev/vd*.
var Flavors = []flavor{
	{id: "s6.large.2", vcpus: 2, ramMB: 4096},
	{id: "s6.xlarge.2", vcpus: 4, ramMB: 8192},
	{id: "c7.large.2", vcpus: 2, ramMB: 4096},
	{id: "s6.medium.2", vcpus: 1, ramMB: 2048},
}

// FlavorID is the flavor of every fixture server.
const FlavorID = "s6.large.2"

// EIP is the public IP bound to the first fixture server's NIC.
const EIP = "203.0.113.11"

// volumeCount is the number of free fixture volumes: enough for the
// acceptance tests that run in parallel against one sandbox to use a disk
// each. The first twelve keep the IDs they had before servers came.
const volumeCount = 20

// serverCount is the number of fixture servers: one per acceptance test
// that protects a server at the same time as the others.
const serverCount = 12

func volumeIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fixtureID("volume/" + string(rune('a'+i)))
	}
	return ids
}

func serverIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fixtureID("server/" + serverName(i))
	}
	return ids
}

func serverName(i int) string { return fmt.Sprintf("sandbox-ecs-%02d", i+1) }

// volume is an EVS disk: a free fixture disk, or a disk of a fixture
// server (serverID and device set).
type volume struct {
	id       string
	az       string
	sizeGB   int
	kind     string // SSD, SAS, SATA
	bootable bool
	pairID   string // the replication pair using it, if any
	// serverID and device are the server the disk is attached to and its
	// device name there (/dev/vda for a system disk); own marks a disk of
	// a fixture server, which stays attached to it.
	serverID string
	device   string
	own      bool
}

// fixtureVolumes returns the free fixture disks, in the order of
// VolumeIDs, then the disks of the fixture servers.
func fixtureVolumes() []*volume {
	kinds := []string{"SSD", "SAS", "SATA"}
	out := make([]*volume, 0, len(VolumeIDs)+2*len(ServerIDs))
	for i, id := range VolumeIDs {
		out = append(out, &volume{id: id, az: AZ1, sizeGB: 10 * (1 + i%4), kind: kinds[i%len(kinds)]})
	}
	for i, sid := range ServerIDs {
		out = append(out,
			&volume{id: fixtureID("volume/" + serverName(i) + "/vda"), az: AZ1, sizeGB: 40, kind: "SSD", bootable: true, serverID: sid, device: "/dev/vda", own: true},
			&volume{id: fixtureID("volume/" + serverName(i) + "/vdb"), az: AZ1, sizeGB: 20, kind: "SAS", serverID: sid, device: "/dev/vdb", own: true})
	}
	return out
}

// fixtureNetwork returns the fixture VPCs, subnets and security groups.
func fixtureNetwork() ([]*vpc, []*subnet, []*securityGroup) {
	vpcs := []*vpc{
		{id: VPCID, name: "sandbox-vpc", cidr: "192.168.0.0/16", fixture: true},
		{id: DrillVPCID, name: "sandbox-drill-vpc", cidr: "192.168.0.0/16", fixture: true},
	}
	subnets := []*subnet{
		{id: SubnetID, vpcID: VPCID, name: "sandbox-subnet", cidr: "192.168.0.0/24", gateway: "192.168.0.1", fixture: true},
		{id: DrillSubnetID, vpcID: DrillVPCID, name: "sandbox-drill-subnet", cidr: "192.168.0.0/24", gateway: "192.168.0.2", fixture: true},
	}
	groups := []*securityGroup{{id: DefaultSecurityGroupID, name: "Sys-default"}, {id: SecurityGroupID, name: "sandbox-web"}}
	return vpcs, subnets, groups
}

// fixtureServers returns the fixture servers and their primary NICs.
func fixtureServers() ([]*server, []*port) {
	servers := make([]*server, 0, len(ServerIDs))
	ports := make([]*port, 0, len(ServerIDs))
	for i, id := range ServerIDs {
		servers = append(servers, &server{id: id, name: serverName(i), az: AZ1, flavor: FlavorID, status: serverActive,
			vpcID: VPCID, fixture: true})
		p := &port{id: fixtureID("port/" + serverName(i)), networkID: SubnetID, ip: fmt.Sprintf("192.168.0.%d", 11+i),
			sgIDs: []string{DefaultSecurityGroupID}, deviceID: id, primary: true}
		if i == 0 {
			p.eip = EIP
		}
		ports = append(ports, p)
	}
	return servers, ports
}
