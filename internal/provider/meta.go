package provider

import (
	"github.com/continuity-dr/terraform-provider-continuity/internal/astra"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
)

// meta is the provider data handed to every resource and data source: one
// client per configured backend, built once in Configure, or the reason a
// backend cannot be used. A backend's error surfaces only when one of its
// resources is used.
type meta struct {
	astra    *astra.Client
	astraErr error

	sdrsClient *sdrs.Client
	sdrsErr    error

	manila    *manila.Client
	manilaErr error
}

var (
	_ astra.ClientSource  = (*meta)(nil)
	_ sdrs.ClientSource   = (*meta)(nil)
	_ manila.ClientSource = (*meta)(nil)
)

// AstraClient returns the Astra Control client or why there is none.
func (m *meta) AstraClient() (*astra.Client, error) { return m.astra, m.astraErr }

// SDRSClient returns the Huawei Cloud SDRS client or why there is none.
func (m *meta) SDRSClient() (*sdrs.Client, error) { return m.sdrsClient, m.sdrsErr }

// ManilaClient returns the OpenStack Manila client or why there is none.
func (m *meta) ManilaClient() (*manila.Client, error) { return m.manila, m.manilaErr }
