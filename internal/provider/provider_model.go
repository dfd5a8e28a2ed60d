package provider

// providerModel is the provider's configuration.
type providerModel struct {
	Astra  *astraModel  `tfsdk:"astra"`
	SDRS   *sdrsModel   `tfsdk:"sdrs"`
	Manila *manilaModel `tfsdk:"manila"`
}
