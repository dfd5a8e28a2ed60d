package astra

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The plan-time rules of continuity_astra_app_mirror: what the mappings
// must say, and the changes the API cannot make in one step.

// ValidateConfig checks what the mappings say without the API: two entries
// for one cluster (a relationship within one cluster) need distinct roles,
// and two namespace lists are paired by position, so they must be as long.
func (r *appMirrorResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config appMirrorResourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	type entry struct {
		ClusterID, Role types.String
		Count           int // namespaces; -1 when unknown
	}
	check := func(attrName string, entries []entry) {
		if len(entries) != 2 || entries[0].ClusterID.IsUnknown() || entries[1].ClusterID.IsUnknown() ||
			entries[0].ClusterID.ValueString() != entries[1].ClusterID.ValueString() {
			return
		}
		r0, r1 := entries[0].Role, entries[1].Role
		if r0.IsUnknown() || r1.IsUnknown() {
			return
		}
		if r0.IsNull() || r1.IsNull() || r0.ValueString() == r1.ValueString() {
			resp.Diagnostics.AddAttributeError(path.Root(attrName), "Roles required for a relationship within one cluster",
				fmt.Sprintf("Both %s entries name cluster %s, so each needs a role: one \"source\" and one \"destination\".",
					attrName, entries[0].ClusterID.ValueString()))
		}
	}
	if !config.NamespaceMapping.IsNull() && !config.NamespaceMapping.IsUnknown() {
		var raw []struct {
			ClusterID  types.String `tfsdk:"cluster_id"`
			Namespaces types.List   `tfsdk:"namespaces"`
			Role       types.String `tfsdk:"role"`
		}
		resp.Diagnostics.Append(config.NamespaceMapping.ElementsAs(ctx, &raw, false)...)
		entries := make([]entry, len(raw))
		for i, e := range raw {
			entries[i] = entry{ClusterID: e.ClusterID, Role: e.Role, Count: -1}
			if !e.Namespaces.IsUnknown() && !e.Namespaces.IsNull() {
				entries[i].Count = len(e.Namespaces.Elements())
			}
		}
		check("namespace_mapping", entries)
		if len(entries) == 2 && entries[0].Count >= 0 && entries[1].Count >= 0 && entries[0].Count != entries[1].Count {
			resp.Diagnostics.AddAttributeError(path.Root("namespace_mapping"), "Namespace lists of different lengths",
				fmt.Sprintf("The namespaces of the two namespace_mapping entries are paired by position, so both must list as many "+
					"namespaces (one for each namespace of the source app); they list %d and %d.", entries[0].Count, entries[1].Count))
		}
	}
	if !config.StorageClasses.IsNull() && !config.StorageClasses.IsUnknown() {
		var raw []struct {
			ClusterID        types.String `tfsdk:"cluster_id"`
			StorageClassName types.String `tfsdk:"storage_class_name"`
			Role             types.String `tfsdk:"role"`
		}
		resp.Diagnostics.Append(config.StorageClasses.ElementsAs(ctx, &raw, false)...)
		entries := make([]entry, len(raw))
		for i, e := range raw {
			entries[i] = entry{ClusterID: e.ClusterID, Role: e.Role}
		}
		check("storage_classes", entries)
	}
}

// ModifyPlan refuses the changes the API cannot make in one step, and
// plans the state an update ends in.
func (r *appMirrorResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var plan appMirrorResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	desired, reversed := plan.StateDesired, plan.Reversed
	if req.State.Raw.IsNull() || len(resp.RequiresReplace) > 0 {
		if !desired.IsUnknown() && desired.ValueString() != MirrorEstablished {
			resp.Diagnostics.AddAttributeError(path.Root("state_desired"), "A relationship cannot be created failed over",
				"Astra Control creates AppMirror relationships in state \"established\" only. Create it with state_desired = "+
					"\"established\" (the default), apply, and then set state_desired = \"failedOver\" to fail over.")
		}
		if !reversed.IsUnknown() && reversed.ValueBool() {
			resp.Diagnostics.AddAttributeError(path.Root("reversed"), "A relationship cannot be created reversed",
				"A new relationship replicates from source_app_id to the app it creates on destination_cluster_id; there is "+
					"nothing to reverse yet. Create it with reversed = false (the default), apply, and then set reversed = true.")
		}
		if !desired.IsUnknown() {
			plan.State = desired
		}
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
		return
	}
	var state appMirrorResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// A transition under way in the state (an apply was interrupted or
	// timed out, or it started outside Terraform) is an update that waits
	// for it to end, in place.
	resume := transitional(state.State.ValueString())
	if (req.Plan.Raw.Equal(req.State.Raw) && !resume) || desired.IsUnknown() || reversed.IsUnknown() {
		return
	}
	if state.State.ValueString() == MirrorDeleting {
		// It is going away (a destroy was interrupted, or it is deleted
		// outside Terraform) and cannot come back: replace it, once its
		// deletion has ended.
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("state"))
	}
	if reversed.ValueBool() != state.Reversed.ValueBool() && desired.ValueString() == MirrorFailedOver {
		from := "established"
		if state.StateDesired.ValueString() == MirrorFailedOver {
			from = "failed over"
		}
		resp.Diagnostics.AddAttributeError(path.Root("reversed"), "Reverse and failover cannot be done in one step",
			fmt.Sprintf("The relationship is %s. Changing reversed reverses the replication, which ends in state \"established\"; "+
				"a failover is a separate operation. Apply the change of reversed first with state_desired = \"established\", "+
				"then set state_desired = \"failedOver\" and apply again.", from))
		return
	}
	plan.State = desired
	if resume {
		// The framework left the computed attributes as they were, the
		// plan having had no difference before this one.
		plan.HealthState, plan.TransferState = types.StringUnknown(), types.StringUnknown()
		plan.StateDetails = types.ListUnknown(stateDetailType)
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}
