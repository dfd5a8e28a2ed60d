package sdrs

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckName(t *testing.T) {
	for name, ok := range map[string]bool{
		"tf_test_abc.1-2":       true,
		"保护组":                   true,
		strings.Repeat("a", 64): true,
		strings.Repeat("a", 65): false,
		strings.Repeat("组", 22): false, // 66 bytes
		"a b":                   false,
		"a/b":                   false,
		"":                      false,
	} {
		if err := checkName(name); (err == nil) != ok {
			t.Errorf("checkName(%q) = %v", name, err)
		}
	}
}

func TestIDValidator(t *testing.T) {
	for id, ok := range map[string]bool{
		"6f519a48-3183-46cf-a32f-41815f813986":  true,
		"6F519A48-3183-46CF-A32F-41815F813986":  true,
		"6f519a4831834 6cfa32f41815f813986":     false,
		"6f519a48318346cfa32f41815f813986":      false, // a project ID's form, not a resource's
		"6f519a48-3183-46cf-a32f-41815f81398":   false,
		"6f519a48-3183-46cf-a32f-41815f8139860": false,
		"g1":                                    false,
		"":                                      false,
	} {
		var resp validator.StringResponse
		idValidator{}.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("group_id"), ConfigValue: types.StringValue(id)}, &resp)
		if resp.Diagnostics.HasError() == ok {
			t.Errorf("%q: diagnostics %v", id, resp.Diagnostics)
		}
	}
	var resp validator.StringResponse
	idValidator{}.ValidateString(context.Background(), validator.StringRequest{ConfigValue: types.StringUnknown()}, &resp)
	if resp.Diagnostics.HasError() {
		t.Errorf("an unknown ID (a reference) was refused: %v", resp.Diagnostics)
	}
}
