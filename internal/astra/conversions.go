package astra

import (
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// optionalString is a string the API may leave out: "" is null.
func optionalString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// intString renders a known Int64 as the API's numeric string, else nil.
func intString(v types.Int64) *string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	s := strconv.FormatInt(v.ValueInt64(), 10)
	return &s
}

// knownString returns a known string's value, else nil.
func knownString(v types.String) *string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	s := v.ValueString()
	return &s
}

// apiBoolString renders a boolean as the API's "true" or "false".
func apiBoolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
