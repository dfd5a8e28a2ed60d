package sdrs

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// ClientSource is what the provider hands to the SDRS resources and data
// sources: the one client built in Configure, or why there is none.
type ClientSource interface {
	SDRSClient() (*Client, error)
}

// clientFrom returns the client from the provider's data. It adds an error
// naming the missing settings when the sdrs backend is not configured; a
// nil provider data (validation before Configure) returns nil quietly.
func clientFrom(providerData any, diags *diag.Diagnostics) *Client {
	if providerData == nil {
		return nil
	}
	src, ok := providerData.(ClientSource)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected an sdrs.ClientSource, got %T. This is a bug in the provider; please report it.", providerData))
		return nil
	}
	c, err := src.SDRSClient()
	if err != nil {
		diags.AddError("Huawei Cloud SDRS backend not configured", err.Error())
		return nil
	}
	return c
}
