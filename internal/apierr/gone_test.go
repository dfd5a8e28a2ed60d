package apierr

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

func TestGoneWarningNamesTheResourceAndTheNextPlan(t *testing.T) {
	for _, tc := range []struct {
		g    Gone
		want string
	}{
		{Gone{TypeName: "continuity_astra_hook_source", ID: "1", Service: "Astra Control"},
			`continuity_astra_hook_source "1" no longer exists in Astra Control; it was removed from the state and will be planned for creation.`},
		{Gone{TypeName: "continuity_astra_app_mirror", ID: "2", Service: "Astra Control", Why: "is being deleted in Astra Control"},
			`continuity_astra_app_mirror "2" is being deleted in Astra Control; it was removed`},
	} {
		var diags diag.Diagnostics
		AddGoneWarning(&diags, tc.g)
		if len(diags) != 1 || diags.HasError() {
			t.Fatalf("%v: want one warning, got %v", tc.g, diags)
		}
		if s := diags[0].Summary(); s != tc.g.TypeName+" not found" {
			t.Errorf("summary = %q", s)
		}
		if d := diags[0].Detail(); !strings.HasPrefix(d, tc.want) {
			t.Errorf("detail = %q, want prefix %q", d, tc.want)
		}
	}
}

func TestRemoveGoneRemovesTheResource(t *testing.T) {
	s := schema.Schema{Attributes: map[string]schema.Attribute{"id": schema.StringAttribute{Computed: true}}}
	typ := s.Type().TerraformType(context.Background())
	resp := &resource.ReadResponse{State: tfsdk.State{
		Schema: s,
		Raw:    tftypes.NewValue(typ, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, "1")}),
	}}
	RemoveGone(context.Background(), resp, Gone{TypeName: "continuity_x", ID: "1", Service: "X"})
	if !resp.State.Raw.IsNull() {
		t.Errorf("state = %v, want removed", resp.State.Raw)
	}
	if resp.Diagnostics.WarningsCount() != 1 {
		t.Errorf("diagnostics = %v, want one warning", resp.Diagnostics)
	}
}
