package astra

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// executionHookResourceModel is the resource's state.
type executionHookResourceModel struct {
	ID                 types.String   `tfsdk:"id"`
	Name               types.String   `tfsdk:"name"`
	AppID              types.String   `tfsdk:"app_id"`
	HookSourceID       types.String   `tfsdk:"hook_source_id"`
	Action             types.String   `tfsdk:"action"`
	Stage              types.String   `tfsdk:"stage"`
	Arguments          types.List     `tfsdk:"arguments"`
	MatchingCriteria   types.List     `tfsdk:"matching_criteria"`
	Enabled            types.Bool     `tfsdk:"enabled"`
	Description        types.String   `tfsdk:"description"`
	HookType           types.String   `tfsdk:"hook_type"`
	MatchingImages     types.List     `tfsdk:"matching_images"`
	MatchingContainers types.List     `tfsdk:"matching_containers"`
	CreatedAt          types.String   `tfsdk:"created_at"`
	UpdatedAt          types.String   `tfsdk:"updated_at"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

// matchCriterionModel is an element of matching_criteria.
type matchCriterionModel struct {
	Type  types.String `tfsdk:"type"`
	Value types.String `tfsdk:"value"`
}

// matchingContainerModel is an element of matching_containers.
type matchingContainerModel struct {
	PodName        types.String `tfsdk:"pod_name"`
	PodLabels      types.Map    `tfsdk:"pod_labels"`
	ContainerName  types.String `tfsdk:"container_name"`
	ContainerImage types.String `tfsdk:"container_image"`
	NamespaceName  types.String `tfsdk:"namespace_name"`
}

var (
	matchCriterionType    = types.ObjectType{AttrTypes: map[string]attr.Type{"type": types.StringType, "value": types.StringType}}
	matchingContainerType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"pod_name": types.StringType, "pod_labels": types.MapType{ElemType: types.StringType}, "container_name": types.StringType,
		"container_image": types.StringType, "namespace_name": types.StringType,
	}}
)

// toAPI returns what the user set.
func (m executionHookResourceModel) toAPI(ctx context.Context, diags *diag.Diagnostics) ExecutionHookInput {
	in := ExecutionHookInput{
		Name:         m.Name.ValueString(),
		AppID:        m.AppID.ValueString(),
		HookSourceID: m.HookSourceID.ValueString(),
		Action:       m.Action.ValueString(),
		Stage:        m.Stage.ValueString(),
		Enabled:      m.Enabled.ValueBool(),
		Description:  m.Description.ValueString(),
	}
	if !m.Arguments.IsNull() && !m.Arguments.IsUnknown() {
		diags.Append(m.Arguments.ElementsAs(ctx, &in.Arguments, false)...)
	}
	if !m.MatchingCriteria.IsNull() && !m.MatchingCriteria.IsUnknown() {
		var criteria []matchCriterionModel
		diags.Append(m.MatchingCriteria.ElementsAs(ctx, &criteria, false)...)
		for _, c := range criteria {
			in.MatchingCriteria = append(in.MatchingCriteria, MatchCriterion{Type: c.Type.ValueString(), Value: c.Value.ValueString()})
		}
	}
	return in
}

// fromAPI sets every attribute the API returns.
func (m *executionHookResourceModel) fromAPI(ctx context.Context, h *ExecutionHook, diags *diag.Diagnostics) {
	m.ID = types.StringValue(h.ID)
	m.Name = types.StringValue(h.Name)
	m.AppID = types.StringValue(h.AppID)
	m.HookSourceID = types.StringValue(h.HookSourceID)
	m.Action = types.StringValue(h.Action)
	m.Stage = types.StringValue(h.Stage)
	m.Enabled = types.BoolValue(h.Enabled != "false")
	m.Description = types.StringValue(conv.Deref(h.Description))
	m.HookType = types.StringValue(h.HookType)

	args := h.Arguments
	if args == nil {
		args = []string{}
	}
	var d diag.Diagnostics
	m.Arguments, d = types.ListValueFrom(ctx, types.StringType, args)
	diags.Append(d...)

	criteria := make([]matchCriterionModel, len(h.MatchingCriteria))
	for i, c := range h.MatchingCriteria {
		criteria[i] = matchCriterionModel{Type: types.StringValue(c.Type), Value: types.StringValue(c.Value)}
	}
	m.MatchingCriteria, d = types.ListValueFrom(ctx, matchCriterionType, criteria)
	diags.Append(d...)

	images := h.MatchingImages
	if images == nil {
		images = []string{}
	}
	m.MatchingImages, d = types.ListValueFrom(ctx, types.StringType, images)
	diags.Append(d...)

	containers := make([]matchingContainerModel, len(h.MatchingContainers))
	for i, c := range h.MatchingContainers {
		labels := make(map[string]string, len(c.PodLabels))
		for _, l := range c.PodLabels {
			labels[l.Name] = l.Value
		}
		lv, d := types.MapValueFrom(ctx, types.StringType, labels)
		diags.Append(d...)
		containers[i] = matchingContainerModel{
			PodName: types.StringValue(c.PodName), PodLabels: lv, ContainerName: types.StringValue(c.ContainerName),
			ContainerImage: types.StringValue(c.ContainerImage), NamespaceName: types.StringValue(c.NamespaceName),
		}
	}
	m.MatchingContainers, d = types.ListValueFrom(ctx, matchingContainerType, containers)
	diags.Append(d...)

	m.CreatedAt, m.UpdatedAt = types.StringNull(), types.StringNull()
	if h.Metadata != nil {
		m.CreatedAt = optionalString(h.Metadata.CreationTimestamp)
		m.UpdatedAt = optionalString(h.Metadata.ModificationTimestamp)
	}
}
