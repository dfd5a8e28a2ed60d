package sdrs

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// userFixtures is the sdrs section of the sandbox's -fixtures document:
// the user's VPCs with their subnets, ECS servers with their disks and
// NICs, and free EVS disks.
type userFixtures struct {
	// A nil list is one the section does not give: with replace, only
	// the kinds given replace the defaults.
	VPCs    *[]userVPC    `json:"vpcs"`
	Servers *[]userServer `json:"servers"`
	Volumes *[]userVolume `json:"volumes"`
}

type userVPC struct {
	ID      string       `json:"id"`
	Name    string       `json:"name"`
	CIDR    string       `json:"cidr"`
	Drill   bool         `json:"drill"`
	Subnets []userSubnet `json:"subnets"`
}

type userSubnet struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	CIDR    string `json:"cidr"`
	Gateway string `json:"gateway"`
}

type userServer struct {
	ID     string       `json:"id"`
	Name   string       `json:"name"`
	Flavor string       `json:"flavor"`
	AZ     string       `json:"availability_zone"`
	Disks  []userVolume `json:"disks"`
	NICs   []userNIC    `json:"nics"`
}

type userVolume struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	SizeGB int    `json:"size_gb"`
	Type   string `json:"type"`
	AZ     string `json:"availability_zone"`
	Device string `json:"device"`
}

type userNIC struct {
	Subnet string `json:"subnet"`
	IP     string `json:"ip"`
	EIP    string `json:"eip"`
}

// fixtureEnv is what Env exports of the fixtures, kept as the fixtures
// change it.
type fixtureEnv struct {
	VPCID, SubnetID, DrillVPCID string
	ServerIDs, VolumeIDs        []string
}

func defaultFixtureEnv() fixtureEnv {
	return fixtureEnv{VPCID: VPCID, SubnetID: SubnetID, DrillVPCID: DrillVPCID,
		ServerIDs: slices.Clone(ServerIDs), VolumeIDs: slices.Clone(VolumeIDs)}
}

var _ backend.Fixtured = (*API)(nil)

// Fixtures adds the user's VPCs, servers and disks (backend.Fixtured).
// With replace each kind the section gives replaces the defaults of its
// kind (VPCs take the default servers with them); the kinds it does not
// give, the security groups, the domain and the flavors stay. IDs not given are derived
// from the names, as the defaults' are. The first VPC is the one
// CONTINUITY_SANDBOX_SDRS_VPC_ID names (a protection group's source VPC
// may be any fixture VPC), its first subnet _SUBNET_ID; a VPC marked drill
// is _DRILL_VPC_ID.
func (a *API) Fixtures(section json.RawMessage, replace bool) error {
	var f userFixtures
	if err := backend.DecodeFixtures(section, &f); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if replace && f.VPCs != nil {
		// The default servers go with the VPCs their NICs are in.
		a.vpcs.Replace(nil)
		a.subnets.Replace(nil)
		a.fixtureEnv.VPCID, a.fixtureEnv.SubnetID, a.fixtureEnv.DrillVPCID = "", "", ""
	}
	if replace && (f.VPCs != nil || f.Servers != nil) {
		a.servers.Replace(nil)
		a.ports.Replace(nil)
		a.volumes.RemoveFunc(func(v *volume) bool { return v.own })
		a.fixtureEnv.ServerIDs = nil
	}
	if replace && f.Volumes != nil {
		a.volumes.RemoveFunc(func(v *volume) bool { return !v.own })
		a.fixtureEnv.VolumeIDs = nil
	}
	for _, uv := range backend.Given(f.VPCs) {
		if err := a.addUserVPC(uv); err != nil {
			return err
		}
	}
	for _, us := range backend.Given(f.Servers) {
		if err := a.addUserServer(us); err != nil {
			return err
		}
	}
	for i, uv := range backend.Given(f.Volumes) {
		if uv.Name == "" {
			return fmt.Errorf("volumes[%d]: name is required", i)
		}
		v, err := a.newUserVolume(uv, "volume/"+uv.Name, 10, "SAS")
		if err != nil {
			return err
		}
		a.volumes.Add(v)
		a.fixtureEnv.VolumeIDs = append(a.fixtureEnv.VolumeIDs, v.id)
	}
	return nil
}

func (a *API) addUserVPC(uv userVPC) error {
	if uv.Name == "" {
		return fmt.Errorf("vpcs: a VPC without a name")
	}
	if a.vpcs.Any(func(v *vpc) bool { return v.name == uv.Name }) {
		return fmt.Errorf("VPC %q: the name is taken", uv.Name)
	}
	v := &vpc{id: orDerived(uv.ID, "vpc/"+uv.Name), name: uv.Name, cidr: uv.CIDR, fixture: true}
	if v.cidr == "" {
		v.cidr = "192.168.0.0/16"
	}
	vpcPrefix, err := netip.ParsePrefix(v.cidr)
	if err != nil {
		return fmt.Errorf("VPC %q: cidr %q: %w", uv.Name, v.cidr, err)
	}
	if _, taken := a.vpcs.Get(v.id); taken {
		return fmt.Errorf("VPC %q: the ID %s is taken", uv.Name, v.id)
	}
	a.vpcs.Add(v)
	switch {
	case uv.Drill:
		a.fixtureEnv.DrillVPCID = v.id
	case a.fixtureEnv.VPCID == "":
		a.fixtureEnv.VPCID = v.id
	}
	for _, us := range uv.Subnets {
		if us.Name == "" {
			return fmt.Errorf("VPC %q: a subnet without a name", uv.Name)
		}
		if a.subnets.Any(func(s *subnet) bool { return s.name == us.Name }) {
			return fmt.Errorf("subnet %q: the name is taken", us.Name)
		}
		s := &subnet{id: orDerived(us.ID, "subnet/"+us.Name), vpcID: v.id, name: us.Name, cidr: us.CIDR, gateway: us.Gateway, fixture: true}
		prefix, err := netip.ParsePrefix(s.cidr)
		if err != nil || !vpcPrefix.Contains(prefix.Addr()) || prefix.Bits() < vpcPrefix.Bits() {
			return fmt.Errorf("subnet %q: cidr %q is not a block of VPC %q's %s", us.Name, s.cidr, uv.Name, v.cidr)
		}
		if s.gateway == "" {
			s.gateway = prefix.Masked().Addr().Next().String()
		}
		if _, taken := a.subnets.Get(s.id); taken {
			return fmt.Errorf("subnet %q: the ID %s is taken", us.Name, s.id)
		}
		a.subnets.Add(s)
		if v.id == a.fixtureEnv.VPCID && a.fixtureEnv.SubnetID == "" {
			a.fixtureEnv.SubnetID = s.id
		}
	}
	return nil
}

func (a *API) addUserServer(us userServer) error {
	if us.Name == "" {
		return fmt.Errorf("servers: a server without a name")
	}
	if a.servers.Any(func(s *server) bool { return s.name == us.Name }) {
		return fmt.Errorf("server %q: the name is taken", us.Name)
	}
	s := &server{id: orDerived(us.ID, "server/"+us.Name), name: us.Name, az: us.AZ, flavor: us.Flavor, status: serverActive,
		fixture: true, createdAt: a.now()}
	if _, taken := a.servers.Get(s.id); taken {
		return fmt.Errorf("server %q: the ID %s is taken", us.Name, s.id)
	}
	if s.az == "" {
		s.az = AZ1
	}
	if s.az != AZ1 && s.az != AZ2 {
		return fmt.Errorf("server %q: availability_zone %q is not %s or %s", us.Name, s.az, AZ1, AZ2)
	}
	if s.flavor == "" {
		s.flavor = FlavorID
	}
	if _, ok := findFlavor(s.flavor); !ok {
		return fmt.Errorf("server %q: flavor %q is not one of %s", us.Name, s.flavor, strings.Join(flavorIDs(), ", "))
	}
	nics := us.NICs
	if len(nics) == 0 {
		nics = []userNIC{{}}
	}
	for i, n := range nics {
		sub, ok := a.subnets.Find(func(x *subnet) bool { return x.name == n.Subnet && x.fixture })
		if n.Subnet == "" {
			sub, ok = a.subnets.Get(a.fixtureEnv.SubnetID)
		}
		if !ok {
			return fmt.Errorf("server %q: nics[%d]: no subnet %q", us.Name, i, n.Subnet)
		}
		if i == 0 {
			s.vpcID = sub.vpcID
		} else if sub.vpcID != s.vpcID {
			return fmt.Errorf("server %q: nics[%d]: subnet %q is in another VPC than the first NIC's", us.Name, i, n.Subnet)
		}
		ip, e := a.allocateIP(sub, n.IP)
		if e != nil {
			return fmt.Errorf("server %q: nics[%d]: %s", us.Name, i, e.message)
		}
		a.ports.Add(&port{id: fixtureID(fmt.Sprintf("port/%s/%d", us.Name, i)), networkID: sub.id, ip: ip,
			sgIDs: []string{DefaultSecurityGroupID}, deviceID: s.id, primary: i == 0, eip: n.EIP})
	}
	disks := us.Disks
	if len(disks) == 0 {
		disks = []userVolume{{Device: "/dev/vda", SizeGB: 40, Type: "SSD"}, {Device: "/dev/vdb", SizeGB: 20, Type: "SAS"}}
	}
	for i, d := range disks {
		if d.Device == "" {
			d.Device = "/dev/vd" + string(rune('a'+i))
		}
		if !strings.HasPrefix(d.Device, "/dev/") {
			return fmt.Errorf("server %q: disks[%d]: device %q is not /dev/…", us.Name, i, d.Device)
		}
		if d.AZ == "" {
			d.AZ = s.az
		}
		v, err := a.newUserVolume(d, "volume/"+us.Name+"/"+strings.TrimPrefix(d.Device, "/dev/"), 20, "SAS")
		if err != nil {
			return fmt.Errorf("server %q: %w", us.Name, err)
		}
		v.serverID, v.device, v.own, v.bootable = s.id, d.Device, true, i == 0
		a.volumes.Add(v)
	}
	a.servers.Add(s)
	a.fixtureEnv.ServerIDs = append(a.fixtureEnv.ServerIDs, s.id)
	return nil
}

func (a *API) newUserVolume(uv userVolume, derive string, size int, kind string) (*volume, error) {
	v := &volume{id: orDerived(uv.ID, derive), az: uv.AZ, sizeGB: uv.SizeGB, kind: uv.Type}
	if _, taken := a.volumes.Get(v.id); taken {
		return nil, fmt.Errorf("disk %s: the ID is taken", v.id)
	}
	if v.az == "" {
		v.az = AZ1
	}
	if v.sizeGB == 0 {
		v.sizeGB = size
	}
	if v.kind == "" {
		v.kind = kind
	}
	if !slices.Contains([]string{"SSD", "SAS", "SATA", "GPSSD", "ESSD"}, v.kind) {
		return nil, fmt.Errorf("disk %s: type %q is not SSD, SAS, SATA, GPSSD or ESSD", derive, v.kind)
	}
	return v, nil
}

// orDerived returns id, or when it is empty the fixture ID of name.
func orDerived(id, name string) string {
	if id != "" {
		return id
	}
	return fixtureID(name)
}

// FixtureSchema is the JSON Schema of the sdrs section (backend.Fixtured).
func (a *API) FixtureSchema() json.RawMessage { return json.RawMessage(fixtureSchema) }

const fixtureSchema = `{
  "type": "object",
  "description": "Huawei Cloud SDRS: your VPCs and subnets, the ECS servers to protect (each with its disks and NICs) and free EVS disks. Without ids, ids are derived from the names (the same on every start).",
  "additionalProperties": false,
  "$defs": {
    "disk": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "id": {"type": "string", "format": "uuid"},
        "name": {"type": "string"},
        "size_gb": {"type": "integer", "minimum": 1},
        "type": {"enum": ["SSD", "SAS", "SATA", "GPSSD", "ESSD"]},
        "availability_zone": {"enum": ["cn-north-4a", "cn-north-4b"], "default": "cn-north-4a"},
        "device": {"type": "string", "pattern": "^/dev/", "description": "A server's disk only: /dev/vda (the system disk, first), /dev/vdb …"}
      }
    }
  },
  "properties": {
    "vpcs": {
      "type": "array",
      "description": "The first VPC not marked drill is CONTINUITY_SANDBOX_SDRS_VPC_ID, its first subnet CONTINUITY_SANDBOX_SDRS_SUBNET_ID.",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["name"],
        "properties": {
          "id": {"type": "string", "format": "uuid"},
          "name": {"type": "string"},
          "cidr": {"type": "string", "default": "192.168.0.0/16"},
          "drill": {"type": "boolean", "description": "The VPC for DR drills: CONTINUITY_SANDBOX_SDRS_DRILL_VPC_ID."},
          "subnets": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": ["name", "cidr"],
              "properties": {
                "id": {"type": "string", "format": "uuid"},
                "name": {"type": "string"},
                "cidr": {"type": "string", "description": "A block of the VPC's CIDR."},
                "gateway": {"type": "string", "description": "Default: the block's first address."}
              }
            }
          }
        }
      }
    },
    "servers": {
      "type": "array",
      "description": "ECS servers of the production site, listed in CONTINUITY_SANDBOX_SDRS_SERVER_IDS.",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["name"],
        "properties": {
          "id": {"type": "string", "format": "uuid"},
          "name": {"type": "string"},
          "flavor": {"enum": ["s6.large.2", "s6.xlarge.2", "c7.large.2", "s6.medium.2"], "default": "s6.large.2"},
          "availability_zone": {"enum": ["cn-north-4a", "cn-north-4b"], "default": "cn-north-4a"},
          "disks": {"type": "array", "items": {"$ref": "#/properties/sdrs/$defs/disk"}, "description": "Default: /dev/vda 40 GB SSD and /dev/vdb 20 GB SAS."},
          "nics": {
            "type": "array",
            "description": "Default: one NIC in CONTINUITY_SANDBOX_SDRS_SUBNET_ID's subnet. Every NIC in the first one's VPC.",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "subnet": {"type": "string", "description": "A subnet's name."},
                "ip": {"type": "string", "description": "Default: a free address of the subnet."},
                "eip": {"type": "string", "description": "A public IP bound to the NIC."}
              }
            }
          }
        }
      }
    },
    "volumes": {
      "type": "array",
      "description": "Free EVS disks, listed in CONTINUITY_SANDBOX_SDRS_VOLUME_IDS.",
      "items": {"allOf": [{"$ref": "#/properties/sdrs/$defs/disk"}, {"required": ["name"]}]}
    }
  }
}`
