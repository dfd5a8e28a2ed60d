package manila

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// ClientSource is what the provider hands to the Manila resources and data
// sources: the one client built in Configure, or why there is none.
type ClientSource interface {
	ManilaClient() (*Client, error)
}

// clientFrom returns the client from the provider's data. It adds an error
// naming the missing settings when the manila backend is not configured; a
// nil provider data (validation before Configure) returns nil quietly.
func clientFrom(providerData any, diags *diag.Diagnostics) *Client {
	if providerData == nil {
		return nil
	}
	src, ok := providerData.(ClientSource)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected a manila.ClientSource, got %T. This is a bug in the provider; please report it.", providerData))
		return nil
	}
	c, err := src.ManilaClient()
	if err != nil {
		diags.AddError("OpenStack Manila backend not configured", err.Error())
		return nil
	}
	return c
}
