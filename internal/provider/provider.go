// Package provider is the continuity provider: its configuration, one
// client per backend, and the registry of every resource and data source.
package provider

import (
	"context"
	"slices"

	"github.com/continuity-dr/terraform-provider-continuity/internal/astra"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

var _ provider.Provider = (*continuityProvider)(nil)

// New returns a function that builds the provider for the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &continuityProvider{version: version} }
}

type continuityProvider struct{ version string }

func (p *continuityProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "continuity"
	resp.Version = p.version
}

func (p *continuityProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Disaster-recovery and data-protection objects on NetApp Astra Control, Huawei Cloud SDRS and OpenStack Manila. " +
			"Each backend has its own optional block; a block is needed only by configurations that use that backend's resources, " +
			"and every setting can come from its environment variable instead.",
		Attributes: map[string]schema.Attribute{
			"poll_interval_max": pollIntervalAttribute(),
		},
		Blocks: map[string]schema.Block{
			"astra":  astraBlock(),
			"sdrs":   sdrsBlock(),
			"manila": manilaBlock(),
			"retry":  retryBlock(),
		},
	}
}

func (p *continuityProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	retry, err := config.Retry.transportOptions()
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("retry"), "Invalid retry settings", err.Error())
		return
	}
	pollMax, err := optionalDuration(config.PollIntervalMax)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("poll_interval_max"), "Invalid poll_interval_max", err.Error())
		return
	}
	// One provider process serves one provider configuration, so the cap
	// is the process's.
	wait.SetMaxInterval(pollMax)
	m := &meta{}
	m.astra, m.astraErr = newAstraClient(config.Astra, p.version, retry)
	if m.astraErr == nil {
		tflog.Debug(ctx, "configured the Astra Control backend")
	}
	m.sdrsClient, m.sdrsErr = newSDRSClient(config.SDRS, p.version, retry)
	if m.sdrsErr == nil {
		tflog.Debug(ctx, "configured the Huawei Cloud SDRS backend")
	}
	m.manila, m.manilaErr = newManilaClient(config.Manila, p.version, retry)
	if m.manilaErr == nil {
		tflog.Debug(ctx, "configured the OpenStack Manila backend")
	}
	resp.ResourceData = m
	resp.DataSourceData = m
}

func (p *continuityProvider) Resources(context.Context) []func() resource.Resource {
	return slices.Concat(
		astra.Resources(),
		sdrs.Resources(),
		manila.Resources(),
	)
}

func (p *continuityProvider) DataSources(context.Context) []func() datasource.DataSource {
	return slices.Concat(
		astra.DataSources(),
		sdrs.DataSources(),
		manila.DataSources(),
	)
}
