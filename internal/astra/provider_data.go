package astra

import (
	"github.com/continuity-dr/terraform-provider-continuity/internal/providerdata"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// ClientSource is what the provider hands to the Astra resources and data
// sources: the one client built in Configure, or why there is none.
type ClientSource interface {
	AstraClient() (*Client, error)
}

// clientFrom returns the client from the provider's data, or adds an error
// naming the missing settings when the astra backend is not configured.
func clientFrom(providerData any, diags *diag.Diagnostics) *Client {
	return providerdata.Client(providerData, "Astra Control", ClientSource.AstraClient, diags)
}
