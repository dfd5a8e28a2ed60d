package manila

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// shareTypeModel is the state of the continuity_manila_share_type data source.
type shareTypeModel struct {
	ID                        types.String `tfsdk:"id"`
	Name                      types.String `tfsdk:"name"`
	ExtraSpecs                types.Map    `tfsdk:"extra_specs"`
	DriverHandlesShareServers types.Bool   `tfsdk:"driver_handles_share_servers"`
	IsPublic                  types.Bool   `tfsdk:"is_public"`
	IsDefault                 types.Bool   `tfsdk:"is_default"`
}

// fromAPI sets every attribute of the share type but the name the lookup
// used and is_default, which the default share type tells.
func (m *shareTypeModel) fromAPI(ctx context.Context, t *ShareType) diag.Diagnostics {
	specs, diags := types.MapValueFrom(ctx, types.StringType, t.ExtraSpecs)
	m.ID = types.StringValue(t.ID)
	m.ExtraSpecs = specs
	m.DriverHandlesShareServers = types.BoolValue(boolFromString(t.ExtraSpecs["driver_handles_share_servers"]))
	m.IsPublic = types.BoolValue(t.IsPublic)
	return diags
}
