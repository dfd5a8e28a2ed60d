package astra

import (
	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// hookSourceDataModel is the continuity_astra_hook_source data source's
// state: the attributes of a hook source.
type hookSourceDataModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	Source      types.String `tfsdk:"source"`
	Content     types.String `tfsdk:"content"`
	SourceMD5   types.String `tfsdk:"source_md5"`
	Private     types.Bool   `tfsdk:"private"`
	Preloaded   types.Bool   `tfsdk:"preloaded"`
	CreatedAt   types.String `tfsdk:"created_at"`
	UpdatedAt   types.String `tfsdk:"updated_at"`
}

// hookSourceResourceModel is the resource's state: the same attributes,
// and the timeouts.
type hookSourceResourceModel struct {
	hookSourceDataModel
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// hookSourcesDataModel is the continuity_astra_hook_sources state.
type hookSourcesDataModel struct {
	Filter      types.String          `tfsdk:"filter"`
	IDs         []types.String        `tfsdk:"ids"`
	HookSources []hookSourceDataModel `tfsdk:"hook_sources"`
}

// toAPI returns what the user set, with the script in base64.
func (m hookSourceResourceModel) toAPI() HookSourceInput {
	source := m.Source.ValueString()
	if m.Source.IsNull() || m.Source.IsUnknown() {
		source = encodeScript(m.Content.ValueString())
	}
	return HookSourceInput{Name: m.Name.ValueString(), Source: source, Description: m.Description.ValueString()}
}

// fromAPI sets every attribute the API returns; a private hook source's
// script is null.
func (m *hookSourceDataModel) fromAPI(h *HookSource) {
	m.ID = types.StringValue(h.ID)
	m.Name = types.StringValue(h.Name)
	m.Description = types.StringValue(conv.Deref(h.Description))
	m.Source, m.Content = types.StringNull(), types.StringNull()
	if h.Source != nil {
		m.Source = types.StringValue(*h.Source)
		if script, err := decodeScript(*h.Source); err == nil {
			m.Content = types.StringValue(script)
		}
	}
	m.SourceMD5 = types.StringValue(h.SourceMD5Checksum)
	m.Private = types.BoolValue(h.Private == "true")
	m.Preloaded = types.BoolValue(h.Preloaded == "true")
	m.CreatedAt, m.UpdatedAt = types.StringNull(), types.StringNull()
	if h.Metadata != nil {
		m.CreatedAt = types.StringValue(h.Metadata.CreationTimestamp)
		m.UpdatedAt = types.StringValue(h.Metadata.ModificationTimestamp)
	}
}

// fromAPI sets every attribute the API returns. A private hook source's
// script is never returned: the known script is then kept, and a change
// shows through source_md5.
func (m *hookSourceResourceModel) fromAPI(h *HookSource) {
	source, content := m.Source, m.Content
	m.hookSourceDataModel.fromAPI(h)
	if h.Source == nil && !source.IsUnknown() && !content.IsUnknown() {
		m.Source, m.Content = source, content
	}
}
