package manila

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A change of share_types, share_network_id or source_cgsnapshot_id
// replaces a consistency group, and Terraform destroys the group before it
// creates the new one: a new group that Manila would refuse would leave
// the user with neither. The plan-time checks here refuse such a
// replacement, with the reason Manila would give (manila.md §1.5), before
// anything is destroyed. A creation is left to Manila, whose refusal
// destroys nothing.

// replacing reports whether the configuration changes what is fixed at a
// group's creation, which replaces it.
func replacing(config, state consistencyGroupModel) bool {
	changed := func(c, s attr.Value) bool { return !c.IsNull() && !c.IsUnknown() && !c.Equal(s) }
	return changed(config.ShareTypes, state.ShareTypes) || changed(config.ShareNetworkID, state.ShareNetworkID) ||
		!config.SourceCGSnapshotID.Equal(state.SourceCGSnapshotID)
}

// planReplacement plans what the new group gets when the configuration
// leaves it out: not the old group's share network (a network the new
// share types may refuse), but none, or the source snapshot's; and the
// share types Manila chooses.
func planReplacement(config consistencyGroupModel, plan *consistencyGroupModel) {
	if config.ShareNetworkID.IsNull() {
		plan.ShareNetworkID = types.StringNull()
		if !plan.SourceCGSnapshotID.IsNull() {
			plan.ShareNetworkID = types.StringUnknown()
		}
	}
	if config.ShareTypes.IsNull() {
		plan.ShareTypes = types.SetUnknown(types.StringType)
	}
}

// impossible reports a replacement that Manila would refuse, on attribute
// at; the reason starts with the attribute's name, which Terraform does not
// show when the attribute is not in the configuration.
func impossible(diags *diag.Diagnostics, at, reason string) {
	diags.AddAttributeError(path.Root(at), "Impossible replacement of the consistency group",
		fmt.Sprintf("This change replaces the consistency group: Terraform would destroy it, then Manila would refuse the new one: %s. "+
			"Nothing has been changed.", reason))
}

// checkPlacement refuses, at plan time, a new group that Manila would
// refuse: a source snapshot that is missing or not available; share types
// that are missing or disagree on driver_handles_share_servers (the default
// type when none is set); a share network that is missing, needed and
// absent, or given to types that do not handle share servers. Values not
// known yet are not checked.
func (r *consistencyGroupResource) checkPlacement(ctx context.Context, plan consistencyGroupModel, diags *diag.Diagnostics) {
	if r.client == nil {
		return
	}
	if src := plan.SourceCGSnapshotID; !src.IsNull() {
		if src.IsUnknown() {
			return
		}
		s, err := r.client.GetCGSnapshot(ctx, src.ValueString())
		switch {
		case apierr.IsNotFound(err):
			impossible(diags, "source_cgsnapshot_id", fmt.Sprintf("source_cgsnapshot_id does not name a consistency group snapshot of this project (%s)",
				src.ValueString()))
		case err != nil:
			apierr.AddError(diags, "checking the source snapshot of", consistencyGroupTypeName, src.ValueString(), err)
		case s.Status != statusAvailable:
			impossible(diags, "source_cgsnapshot_id", fmt.Sprintf("source_cgsnapshot_id must name an available snapshot, and %s is %s", s.ID, s.Status))
		}
		return
	}
	dhss, ok := r.shareServersHandled(ctx, plan.ShareTypes, diags)
	if !ok {
		return
	}
	network := plan.ShareNetworkID
	switch {
	case network.IsUnknown():
	case dhss && network.IsNull():
		impossible(diags, "share_network_id", "share_network_id is needed: the share types handle share servers (driver_handles_share_servers is true)")
	case !dhss && !network.IsNull():
		impossible(diags, "share_network_id", "share_network_id must not be set: the share types handle no share servers "+
			"(driver_handles_share_servers is false)")
	case !network.IsNull():
		_, err := r.client.GetShareNetwork(ctx, network.ValueString())
		switch {
		case apierr.IsNotFound(err):
			impossible(diags, "share_network_id", fmt.Sprintf("share_network_id does not name a share network of this project (%s)", network.ValueString()))
		case err != nil:
			apierr.AddError(diags, "checking the share network of", consistencyGroupTypeName, network.ValueString(), err)
		}
	}
}

// shareServersHandled returns the driver_handles_share_servers of the
// planned share types (of the default type when they are unknown), which
// must all exist and agree. It returns false when it cannot tell, after
// adding the error when there is one.
func (r *consistencyGroupResource) shareServersHandled(ctx context.Context, planned types.Set, diags *diag.Diagnostics) (bool, bool) {
	all, err := r.client.ListShareTypes(ctx)
	if err != nil {
		apierr.AddError(diags, "listing the share types for", consistencyGroupTypeName, "", err)
		return false, false
	}
	var ids []string
	if planned.IsUnknown() {
		def, err := r.client.DefaultShareType(ctx)
		switch {
		case apierr.IsNotFound(err):
			impossible(diags, "share_types", "share_types must be set: Manila has no default share type")
			return false, false
		case err != nil:
			apierr.AddError(diags, "reading the default share type for", consistencyGroupTypeName, "", err)
			return false, false
		}
		ids = []string{def.ID}
	} else if diags.Append(planned.ElementsAs(ctx, &ids, false)...); diags.HasError() {
		return false, false
	}
	var handled []bool
	for _, id := range ids {
		i := slices.IndexFunc(all, func(t ShareType) bool { return t.ID == id })
		if i < 0 {
			impossible(diags, "share_types", fmt.Sprintf("share_types must name share types visible to the project, and none has the ID %s", id))
			return false, false
		}
		if h := boolFromString(all[i].ExtraSpecs["driver_handles_share_servers"]); !slices.Contains(handled, h) {
			handled = append(handled, h)
		}
	}
	switch len(handled) {
	case 0:
		return false, false
	case 1:
		return handled[0], true
	}
	impossible(diags, "share_types", "share_types must agree on driver_handles_share_servers, and "+strings.Join(ids, ", ")+" disagree")
	return false, false
}
