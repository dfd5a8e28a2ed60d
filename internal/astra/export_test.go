package astra

import "github.com/hashicorp/terraform-plugin-framework/resource"

// NewAppMirrorResourceWith returns continuity_astra_app_mirror configured
// with c, for tests that call its methods themselves (an apply interrupted
// at a chosen moment).
func NewAppMirrorResourceWith(c *Client) resource.Resource { return &appMirrorResource{client: c} }

// NewAppResourceWith returns continuity_astra_app configured with c, for
// tests that call its methods themselves.
func NewAppResourceWith(c *Client) resource.Resource { return &appResource{client: c} }
