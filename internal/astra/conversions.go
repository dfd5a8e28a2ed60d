package astra

import (
	"strconv"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
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

// ageSeconds is the age at now of an Astra time (RFC 3339, as metadata's
// creationTimestamp): null when the time is null or unreadable.
func ageSeconds(at types.String, now time.Time) types.Int64 {
	t, err := time.Parse(time.RFC3339, at.ValueString())
	if at.IsNull() || err != nil {
		return types.Int64Null()
	}
	return types.Int64Value(conv.AgeSeconds(t, now))
}
