package manila

import (
	"github.com/continuity-dr/terraform-provider-continuity/internal/providerdata"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// ClientSource is what the provider hands to the Manila resources and data
// sources: the one client built in Configure, or why there is none.
type ClientSource interface {
	ManilaClient() (*Client, error)
}

// clientFrom returns the client from the provider's data, or adds an error
// naming the missing settings when the manila backend is not configured.
func clientFrom(providerData any, diags *diag.Diagnostics) *Client {
	return providerdata.Client(providerData, "OpenStack Manila", ClientSource.ManilaClient, diags)
}
