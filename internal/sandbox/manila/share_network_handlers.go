package manila

import "net/http"

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

func (a *API) showShareNetwork(c *call) *fault {
	id := c.r.PathValue("id")
	n, ok := a.db.shareNetwork(c.tok, id)
	if !ok {
		return notFound("Share network " + id + " could not be found.")
	}
	writeJSON(c.w, http.StatusOK, object{{"share_network", c.shareNetworkView(n)}})
	return nil
}
