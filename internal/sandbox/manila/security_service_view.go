package manila

// securityServiceView is the detail view of a security service
// (manila/api/views/security_service.py): its status is "new" until a
// share server uses it, and the password is never shown.
func (c *call) securityServiceView(s *securityService, networks []*shareNetwork) object {
	ids := make([]string, 0, len(networks))
	for _, n := range networks {
		ids = append(ids, n.id)
	}
	return object{
		{"id", s.id}, {"name", s.name}, {"description", s.description}, {"type", s.kind}, {"status", "new"},
		{"project_id", s.projectID}, {"dns_ip", s.dnsIP}, {"server", s.server}, {"domain", s.domain}, {"user", s.user},
		{"ou", s.ou}, {"created_at", s.createdAt}, {"updated_at", nil}, {"share_networks", ids},
	}
}

// securityServiceSummary is a security service in a list without detail.
func (c *call) securityServiceSummary(s *securityService) object {
	return object{{"id", s.id}, {"name", s.name}, {"type", s.kind}, {"status", "new"}}
}
