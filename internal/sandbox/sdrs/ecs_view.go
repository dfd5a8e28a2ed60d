package sdrs

import (
	"slices"
	"strconv"
)

// ecsTimeFormat is ECS's timestamp format (RFC 3339, UTC).
const ecsTimeFormat = "2006-01-02T15:04:05Z"

// serverView renders a server as ECS's ShowServer does, with the fields a
// DR client reads: flavor, status, AZ, NICs (addresses), security groups
// and attached disks.
func (a *API) serverView(s *server) map[string]any {
	f, _ := findFlavor(s.flavor)
	addresses := []map[string]any{}
	sgs := map[string]bool{}
	for _, p := range a.portsOf(s.id) {
		addresses = append(addresses, map[string]any{"version": "4", "addr": p.ip, "primary": p.primary, "OS-EXT-IPS:type": "fixed",
			"OS-EXT-IPS-MAC:mac_addr": p.mac(), "OS-EXT-IPS:port_id": p.id})
		if p.eip != "" {
			addresses = append(addresses, map[string]any{"version": "4", "addr": p.eip, "OS-EXT-IPS:type": "floating",
				"OS-EXT-IPS-MAC:mac_addr": p.mac(), "OS-EXT-IPS:port_id": p.id})
		}
		for _, sg := range p.sgIDs {
			sgs[sg] = true
		}
	}
	groups := []map[string]string{}
	for _, g := range a.securityGroups.All() {
		if sgs[g.id] {
			groups = append(groups, map[string]string{"id": g.id, "name": g.name})
		}
	}
	vols := a.serverVolumes(s)
	devices := make([]string, 0, len(vols))
	for d := range vols {
		devices = append(devices, d)
	}
	slices.Sort(devices)
	attached := []map[string]any{}
	for i, d := range devices {
		attached = append(attached, map[string]any{"id": vols[d], "device": d, "delete_on_termination": "false", "bootIndex": strconv.Itoa(i)})
	}
	vmState, power := "active", 1
	if s.status == serverShutoff {
		vmState, power = "stopped", 4
	}
	return map[string]any{
		"id":     s.id,
		"name":   s.name,
		"status": s.status,
		"flavor": map[string]any{"id": f.id, "name": f.id, "vcpus": strconv.Itoa(f.vcpus), "ram": strconv.Itoa(f.ramMB), "disk": "0",
			"gpus": []any{}, "asic_accelerators": []any{}},
		"OS-EXT-AZ:availability_zone":          s.az,
		"addresses":                            map[string]any{s.vpcID: addresses},
		"metadata":                             map[string]string{"vpc_id": s.vpcID},
		"security_groups":                      groups,
		"os-extended-volumes:volumes_attached": attached,
		"OS-EXT-STS:vm_state":                  vmState,
		"OS-EXT-STS:power_state":               power,
		"OS-EXT-SRV-ATTR:root_device_name":     "/dev/vda",
		"tenant_id":                            a.opts.ProjectID,
		"created":                              s.createdAt.UTC().Format(ecsTimeFormat),
		"updated":                              s.createdAt.UTC().Format(ecsTimeFormat),
		"locked":                               false,
		"hostId":                               "",
		"key_name":                             "",
		"config_drive":                         "",
		"user_id":                              "",
	}
}

// portView renders a NIC as VPC's ListPorts does. The primary NIC of a
// server says so in binding:vif_details.primary_interface.
func (a *API) portView(p *port) map[string]any {
	owner, status, zone := "", "DOWN", ""
	if s, ok := a.servers.Get(p.deviceID); ok {
		owner, status, zone = "compute:"+s.az, "ACTIVE", s.az
	}
	sgs := p.sgIDs
	if sgs == nil {
		sgs = []string{}
	}
	return map[string]any{
		"id":                    p.id,
		"name":                  "",
		"network_id":            p.networkID,
		"admin_state_up":        true,
		"mac_address":           p.mac(),
		"fixed_ips":             []map[string]string{{"subnet_id": fixtureID("neutron-subnet/" + p.networkID), "ip_address": p.ip}},
		"device_id":             p.deviceID,
		"device_owner":          owner,
		"tenant_id":             a.opts.ProjectID,
		"status":                status,
		"security_groups":       sgs,
		"allowed_address_pairs": []any{},
		"extra_dhcp_opts":       []any{},
		"binding:vnic_type":     "normal",
		"binding:vif_details":   map[string]any{"primary_interface": p.primary},
		"binding:profile":       map[string]any{},
		"dns_assignment":        []any{},
		"dns_name":              "",
		"instance_id":           "",
		"instance_type":         "",
		"port_security_enabled": true,
		"zone_id":               zone,
	}
}
