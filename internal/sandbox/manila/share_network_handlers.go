package manila

import (
	"net/http"
	"slices"
	"strconv"
)

// shareNetworks is how the share network lists answer: without links.
var shareNetworks = listing{key: "share_networks"}

func (a *API) listShareNetworks(detail bool) handler {
	return func(c *call) *fault {
		view := c.shareNetworkSummary
		if detail {
			view = c.shareNetworkView
		}
		q := c.query()
		rows := a.db.shareNetworks.Filter(func(n *shareNetwork) bool {
			scoped := c.listed(n.projectID)
			if pid := q.Get("project_id"); c.tok.isAdmin() && pid != "" {
				scoped = n.projectID == pid
			}
			return scoped && shareNetworkMatches(n, q)
		})
		return writeList(c, rows, shareNetworks, view, nil)
	}
}

// shareNetworkOfPath returns the share network the path names, or its 404.
func (a *API) shareNetworkOfPath(c *call) (*shareNetwork, *fault) {
	id := c.r.PathValue("id")
	n, ok := a.db.shareNetwork(c.tok, id)
	if !ok {
		return nil, notFound("Share network " + id + " could not be found.")
	}
	return n, nil
}

func (a *API) showShareNetwork(c *call) *fault {
	n, f := a.shareNetworkOfPath(c)
	if f != nil {
		return f
	}
	writeJSON(c.w, http.StatusOK, object{{"share_network", c.shareNetworkView(n)}})
	return nil
}

// createShareNetwork is ShareNetworkController.create: 200 with the view;
// the Neutron network is not looked up until a share server is made.
func (a *API) createShareNetwork(c *call) *fault {
	in, f := parseShareNetwork(c.body)
	if f != nil {
		return f
	}
	n := &shareNetwork{id: newID(), projectID: c.tok.projectID, createdAt: pyTime(c.now), securityServices: []string{}}
	applyShareNetwork(n, in)
	a.db.shareNetworks.Add(n)
	writeJSON(c.w, http.StatusOK, object{{"share_network", c.shareNetworkView(n)}})
	return nil
}

func (a *API) updateShareNetwork(c *call) *fault {
	in, f := parseShareNetwork(c.body)
	if f != nil {
		return f
	}
	n, f := a.shareNetworkOfPath(c)
	if f != nil {
		return f
	}
	applyShareNetwork(n, in)
	n.updatedAt = strPtr(pyTime(c.now))
	writeJSON(c.w, http.StatusOK, object{{"share_network", c.shareNetworkView(n)}})
	return nil
}

// deleteShareNetwork refuses a network that shares or share groups use.
func (a *API) deleteShareNetwork(c *call) *fault {
	n, f := a.shareNetworkOfPath(c)
	if f != nil {
		return f
	}
	shares, groups := a.db.networkUse(n.id)
	switch {
	case shares > 0:
		return conflict("Can not delete share network " + n.id + ", it has " + strconv.Itoa(shares) + " share(s).")
	case groups > 0:
		return conflict("Can not delete share network " + n.id + ", it has " + strconv.Itoa(groups) + " share group(s).")
	}
	a.db.shareNetworks.Remove(n.id)
	writeAccepted(c.w)
	return nil
}

// shareNetworkActions are the security service actions of a share network.
func (a *API) shareNetworkActions() map[string]route {
	core := route{from: v20}
	return map[string]route{
		"add_security_service":    core.with(func(c *call) *fault { return a.securityServiceAction(c, true) }),
		"remove_security_service": core.with(func(c *call) *fault { return a.securityServiceAction(c, false) }),
	}
}

// securityServiceAction adds a security service to a share network, or
// removes one: 200 with the network's view.
func (a *API) securityServiceAction(c *call, add bool) *fault {
	n, f := a.shareNetworkOfPath(c)
	if f != nil {
		return f
	}
	id, ok := securityServiceOf(c.body)
	if !ok {
		return badRequest("Invalid input received: security_service_id is required.")
	}
	ss, ok := a.db.securityService(c.tok, id)
	if !ok {
		return notFound("Security service " + id + " could not be found.")
	}
	i := slices.Index(n.securityServices, ss.id)
	switch {
	case add && i >= 0:
		return badRequest("Security service " + ss.id + " is already associated with share network " + n.id + ".")
	case add:
		for _, other := range n.securityServices {
			if o, ok := a.db.securityServices.Get(other); ok && o.kind == ss.kind {
				return badRequest("Share network " + n.id + " already has a security service of type " + ss.kind + ".")
			}
		}
		n.securityServices = append(n.securityServices, ss.id)
	case i < 0:
		return badRequest("Security service " + ss.id + " is not associated with share network " + n.id + ".")
	default:
		n.securityServices = slices.Delete(n.securityServices, i, i+1)
	}
	writeJSON(c.w, http.StatusOK, object{{"share_network", c.shareNetworkView(n)}})
	return nil
}
