package manila

// Test hooks for the external tests of this package.

// Token returns the client's current Keystone token.
func (c *Client) Token() string { return c.provider.Token() }

// IdentityEndpoint returns the Keystone URL.
func (c *Client) IdentityEndpoint() string { return c.auth.IdentityEndpoint }

// ActionName exposes actionName.
var ActionName = actionName

// ConsistencyGroupRefusal is the error of a consistency group on a server
// whose maximum microversion is v.
func ConsistencyGroupRefusal(v Version) error {
	return &VersionError{Span: consistencyGroupAPI, Server: v}
}

// SetPageSize sets the page size of lists for a test and restores it after.
func SetPageSize(t interface{ Cleanup(func()) }, n int) {
	old := pageSize
	pageSize = n
	t.Cleanup(func() { pageSize = old })
}
