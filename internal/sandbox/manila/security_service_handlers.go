package manila

import (
	"net/http"
	"slices"
)

// securityServices is how the security service lists answer.
var securityServices = listing{key: "security_services"}

// listSecurityServices lists the project's security services; the
// share_network_id filter keeps those added to that network, and the other
// filters match columns exactly.
func (a *API) listSecurityServices(detail bool) handler {
	return func(c *call) *fault {
		q := c.query()
		rows := a.db.securityServices.Filter(func(s *securityService) bool {
			if !c.listed(s.projectID) {
				return false
			}
			if net := q.Get("share_network_id"); net != "" {
				n, ok := a.db.shareNetwork(c.tok, net)
				if !ok || !slices.Contains(n.securityServices, s.id) {
					return false
				}
			}
			for key, col := range map[string]*string{"name": s.name, "type": &s.kind, "domain": s.domain, "server": s.server,
				"dns_ip": s.dnsIP, "user": s.user, "ou": s.ou, "id": &s.id} {
				if v := q.Get(key); v != "" && (col == nil || *col != v) {
					return false
				}
			}
			return true
		})
		view := c.securityServiceSummary
		if detail {
			view = func(s *securityService) object { return c.securityServiceView(s, a.db.networksOf(s.id)) }
		}
		return writeList(c, rows, securityServices, view, nil)
	}
}

func (a *API) showSecurityService(c *call) *fault {
	id := c.r.PathValue("id")
	s, ok := a.db.securityService(c.tok, id)
	if !ok {
		return notFound("Security service " + id + " could not be found.")
	}
	writeJSON(c.w, http.StatusOK, object{{"security_service", c.securityServiceView(s, a.db.networksOf(s.id))}})
	return nil
}
