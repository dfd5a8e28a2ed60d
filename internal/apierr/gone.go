package apierr

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Gone describes an object that a resource's Read found missing.
type Gone struct {
	// TypeName is the resource type, e.g. "continuity_astra_hook_source".
	TypeName string
	// ID is the object's ID as the user knows it (an import ID where the
	// resource has a composite one).
	ID string
	// Service names where it was, e.g. "Astra Control".
	Service string
	// Why, when set, replaces "no longer exists in <Service>", e.g. "is
	// being deleted in Astra Control".
	Why string
}

// RemoveGone is what Read does when its object no longer exists: it warns,
// naming the resource, the ID and the service, that the resource was
// removed from the state and will be planned for creation, and removes it.
func RemoveGone(ctx context.Context, resp *resource.ReadResponse, g Gone) {
	AddGoneWarning(&resp.Diagnostics, g)
	resp.State.RemoveResource(ctx)
}

// AddGoneWarning adds RemoveGone's warning without touching the state.
func AddGoneWarning(diags *diag.Diagnostics, g Gone) {
	why := g.Why
	if why == "" {
		why = "no longer exists in " + g.Service
	}
	diags.AddWarning(fmt.Sprintf("%s not found", g.TypeName),
		fmt.Sprintf("%s %q %s; it was removed from the state and will be planned for creation.", g.TypeName, g.ID, why))
}
