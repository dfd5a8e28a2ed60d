package astra

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCellValue(t *testing.T) {
	for raw, want := range map[string]types.String{
		`"acc"`:                  types.StringValue("acc"),
		`null`:                   types.StringNull(),
		`12`:                     types.StringValue("12"),
		`{"minVersion":"23.07"}`: types.StringValue(`{"minVersion":"23.07"}`),
		`["a","b"]`:              types.StringValue(`["a","b"]`),
	} {
		if got := cellValue(json.RawMessage(raw)); !got.Equal(want) {
			t.Errorf("cellValue(%s) = %v, want %v", raw, got, want)
		}
	}
}
