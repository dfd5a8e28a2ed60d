package manila

// securityService is a Manila security service (an LDAP, Kerberos or
// Active Directory the share servers join).
type securityService struct {
	id                string
	name, description *string
	projectID         string
	kind              string // ldap, kerberos, active_directory
	dnsIP, server     *string
	domain, user, ou  *string
	createdAt         string
}

// securityService returns the security service visible to t.
func (db *manilaDB) securityService(t *token, id string) (*securityService, bool) {
	if s, ok := db.securityServices.Get(id); ok && visible(t, s.projectID) {
		return s, true
	}
	return nil, false
}

// networksOf returns the share networks a security service was added to.
func (db *manilaDB) networksOf(id string) []*shareNetwork {
	return db.shareNetworks.Filter(func(n *shareNetwork) bool {
		for _, s := range n.securityServices {
			if s == id {
				return true
			}
		}
		return false
	})
}
