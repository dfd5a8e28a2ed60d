package sdrs

import (
	"github.com/continuity-dr/terraform-provider-continuity/internal/providerdata"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// ClientSource is what the provider hands to the SDRS resources and data
// sources: the one client built in Configure, or why there is none.
type ClientSource interface {
	SDRSClient() (*Client, error)
}

// clientFrom returns the client from the provider's data, or adds an error
// naming the missing settings when the sdrs backend is not configured.
func clientFrom(providerData any, diags *diag.Diagnostics) *Client {
	return providerdata.Client(providerData, "Huawei Cloud SDRS", ClientSource.SDRSClient, diags)
}
