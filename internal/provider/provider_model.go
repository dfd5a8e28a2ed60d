package provider

import "github.com/hashicorp/terraform-plugin-framework/types"

// providerModel is the provider's configuration.
type providerModel struct {
	Astra           *astraModel  `tfsdk:"astra"`
	SDRS            *sdrsModel   `tfsdk:"sdrs"`
	Manila          *manilaModel `tfsdk:"manila"`
	Retry           *retryModel  `tfsdk:"retry"`
	PollIntervalMax types.String `tfsdk:"poll_interval_max"`
}
