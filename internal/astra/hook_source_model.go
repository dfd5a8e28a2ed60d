package astra

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// hookSourceResourceModel is the resource's state.
type hookSourceResourceModel struct {
	ID          types.String   `tfsdk:"id"`
	Name        types.String   `tfsdk:"name"`
	Description types.String   `tfsdk:"description"`
	Source      types.String   `tfsdk:"source"`
	Content     types.String   `tfsdk:"content"`
	SourceMD5   types.String   `tfsdk:"source_md5"`
	Private     types.Bool     `tfsdk:"private"`
	Preloaded   types.Bool     `tfsdk:"preloaded"`
	CreatedAt   types.String   `tfsdk:"created_at"`
	UpdatedAt   types.String   `tfsdk:"updated_at"`
	Timeouts    timeouts.Value `tfsdk:"timeouts"`
}

// toAPI returns what the user set, with the script in base64.
func (m hookSourceResourceModel) toAPI() HookSourceInput {
	source := m.Source.ValueString()
	if m.Source.IsNull() || m.Source.IsUnknown() {
		source = encodeScript(m.Content.ValueString())
	}
	return HookSourceInput{Name: m.Name.ValueString(), Source: source, Description: m.Description.ValueString()}
}

// fromAPI sets every attribute the API returns. A private hook source's
// script is never returned: the known script is then kept, and a change
// shows through source_md5.
func (m *hookSourceResourceModel) fromAPI(h *HookSource) {
	m.ID = types.StringValue(h.ID)
	m.Name = types.StringValue(h.Name)
	m.Description = types.StringValue(deref(h.Description))
	if h.Source != nil {
		m.Source = types.StringValue(*h.Source)
		if script, err := decodeScript(*h.Source); err == nil {
			m.Content = types.StringValue(script)
		} else {
			m.Content = types.StringNull()
		}
	} else if m.Source.IsUnknown() || m.Content.IsUnknown() {
		m.Source, m.Content = types.StringNull(), types.StringNull()
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

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
