package manila

import (
	"net/http"
	"strconv"
	"strings"
)

// shareTypeView is the share type view at the request's microversion: the
// access attribute is os-share-type-access:is_public before 2.7.
func (c *call) shareTypeView(st shareType) object {
	specs := make(object, 0, len(st.extraSpecs))
	for _, k := range []string{"driver_handles_share_servers", "snapshot_support"} {
		if v, ok := st.extraSpecs[k]; ok {
			specs = append(specs, field{k, v})
		}
	}
	public := "share_type_access:is_public"
	if c.version.less(v27) {
		public = "os-share-type-access:is_public"
	}
	return object{
		{"required_extra_specs", object{{"driver_handles_share_servers", st.extraSpecs["driver_handles_share_servers"]}}},
		{"extra_specs", specs}, {public, st.isPublic}, {"id", st.id}, {"name", st.name},
	}
}

// listShareTypes answers GET /types under both of its historic keys.
func (a *API) listShareTypes(c *call) *fault {
	items := make([]object, 0, len(a.store.shareTypes))
	for _, st := range a.store.shareTypes {
		if st.isPublic || c.tok.isAdmin() {
			items = append(items, c.shareTypeView(st))
		}
	}
	writeJSON(c.w, http.StatusOK, object{{"share_types", items}, {"volume_types", items}})
	return nil
}

func (a *API) showShareType(c *call) *fault {
	st, ok := a.store.shareType(c.r.PathValue("id"))
	if !ok {
		return notFound("Share type not found.")
	}
	v := c.shareTypeView(st)
	writeJSON(c.w, http.StatusOK, object{{"share_type", v}, {"volume_type", v}})
	return nil
}

func (a *API) showDefaultShareType(c *call) *fault {
	v := c.shareTypeView(a.store.defaultShareType())
	writeJSON(c.w, http.StatusOK, object{{"share_type", v}, {"volume_type", v}})
	return nil
}

// shareNetworkView is the detail view at the request's microversion
// (gateway from 2.18, mtu from 2.20).
func (c *call) shareNetworkView(n shareNetwork) object {
	o := object{
		{"id", n.id}, {"name", n.name}, {"project_id", n.projectID}, {"created_at", n.createdAt}, {"updated_at", nil},
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

// shareNetworkMatches applies the list filters the server supports: exact
// matches on the network's columns.
func shareNetworkMatches(n shareNetwork, q map[string][]string) bool {
	columns := map[string]string{
		"name": n.name, "description": n.description, "neutron_net_id": n.neutronNetID,
		"neutron_subnet_id": n.neutronSubnetID, "network_type": n.networkType, "cidr": n.cidr,
		"segmentation_id": strconv.Itoa(n.segmentationID), "ip_version": strconv.Itoa(n.ipVersion),
	}
	for key, values := range q {
		if v, ok := columns[key]; ok && len(values) > 0 && strings.TrimSpace(values[0]) != v {
			return false
		}
	}
	return true
}

func (a *API) listShareNetworks(detail bool) handler {
	return func(c *call) *fault {
		p, f := c.parsePagination()
		if f != nil {
			return f
		}
		q := c.query()
		var rows []shareNetwork
		for _, n := range a.store.shareNetworks {
			scoped := n.projectID == c.tok.projectID || c.allTenants()
			if pid := q.Get("project_id"); c.tok.isAdmin() && pid != "" {
				scoped = n.projectID == pid
			}
			if scoped && shareNetworkMatches(n, q) {
				rows = append(rows, n)
			}
		}
		start, end := p.window(len(rows))
		rows = rows[start:end]
		items := make([]object, 0, len(rows))
		for _, n := range rows {
			if detail {
				items = append(items, c.shareNetworkView(n))
			} else {
				items = append(items, object{{"id", n.id}, {"name", n.name}})
			}
		}
		writeJSON(c.w, http.StatusOK, object{{"share_networks", items}})
		return nil
	}
}

func (a *API) showShareNetwork(c *call) *fault {
	id := c.r.PathValue("id")
	n, ok := a.store.shareNetwork(c.tok, id)
	if !ok {
		return notFound("Share network " + id + " could not be found.")
	}
	writeJSON(c.w, http.StatusOK, object{{"share_network", c.shareNetworkView(n)}})
	return nil
}
