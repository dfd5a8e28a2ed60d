package provider

import (
	"github.com/continuity-dr/terraform-provider-continuity/internal/astra"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
)

// meta is the provider data handed to every resource and data source: one
// client per configured backend, built once in Configure, or the reason a
// backend cannot be used. A backend's error surfaces only when one of its
// resources is used.
type meta struct {
	astra    *astra.Client
	astraErr error

	manila    *manila.Client
	manilaErr error

	// sdrs holds the resolved settings until its backend exists.
	sdrs sdrsSettings
}

var (
	_ astra.ClientSource  = (*meta)(nil)
	_ manila.ClientSource = (*meta)(nil)
)

// AstraClient returns the Astra Control client or why there is none.
func (m *meta) AstraClient() (*astra.Client, error) { return m.astra, m.astraErr }

// ManilaClient returns the OpenStack Manila client or why there is none.
func (m *meta) ManilaClient() (*manila.Client, error) { return m.manila, m.manilaErr }
