package manila

import (
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// stringPtr returns the value of a set string, or nil (null and unknown).
func stringPtr(v types.String) *string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	s := v.ValueString()
	return &s
}

// stringSet returns a set of strings (empty, not null, for no values); a
// value the API repeats is kept once, as a set must.
func stringSet(values []string) types.Set {
	var unique []string
	for _, v := range values {
		if !slices.Contains(unique, v) {
			unique = append(unique, v)
		}
	}
	return types.SetValueMust(types.StringType, stringValues(unique))
}

// stringList returns a list of strings (empty, not null, for no values).
func stringList(values []string) types.List {
	return types.ListValueMust(types.StringType, stringValues(values))
}

func stringValues(values []string) []attr.Value {
	elems := make([]attr.Value, 0, len(values))
	for _, v := range values {
		elems = append(elems, types.StringValue(v))
	}
	return elems
}

// boolFromString reads an extra spec as Manila does (oslo's
// strutils.bool_from_string).
func boolFromString(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "t", "true", "on", "y", "yes":
		return true
	}
	return false
}
