package manila

// Test hooks for the external tests of this package.

// Token returns the client's current Keystone token.
func (c *Client) Token() string { return c.provider.Token() }

// IdentityEndpoint returns the Keystone URL.
func (c *Client) IdentityEndpoint() string { return c.auth.IdentityEndpoint }

// ActionName exposes actionName.
var ActionName = actionName
