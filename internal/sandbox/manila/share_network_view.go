package manila

// shareNetworkView is the detail view at the request's microversion
// (gateway from 2.18, mtu from 2.20).
func (c *call) shareNetworkView(n *shareNetwork) object {
	o := object{
		{"id", n.id}, {"name", n.name}, {"project_id", n.projectID}, {"created_at", n.createdAt}, {"updated_at", n.updatedAt},
		{"neutron_net_id", n.neutronNetID}, {"neutron_subnet_id", n.neutronSubnetID}, {"nova_net_id", nil},
		{"network_type", n.networkType}, {"segmentation_id", n.segmentationID}, {"cidr", n.cidr},
		{"ip_version", n.ipVersion}, {"description", n.description},
	}
	if c.version.atLeast(v218) {
		o = append(o, field{"gateway", n.gateway})
	}
	if c.version.atLeast(v220) {
		o = append(o, field{"mtu", n.mtu})
	}
	return o
}

// shareNetworkSummary is the summary view of a share network in a list.
func (c *call) shareNetworkSummary(n *shareNetwork) object {
	return object{{"id", n.id}, {"name", n.name}}
}
