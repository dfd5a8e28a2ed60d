package sdrs

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// optionalString maps the SDK's renderings of a JSON null (an empty string,
// or "null" for its enum types) to a null value.
func optionalString(s string) types.String {
	if s == "" || s == "null" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// nonEmpty returns a pointer to s, or nil for "" (an optional query
// parameter left out).
func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// sdkEnum returns the SDK's enum value for the documented value s (nil for
// ""). The SDK's enum constants cannot be trusted to spell the API's values
// (the one for stop_protected has a stray leading space), so values are
// built from the documented text through the enum's JSON decoding.
func sdkEnum[E any, PE interface {
	*E
	UnmarshalJSON(b []byte) error
}](s string) (*E, error) {
	if s == "" {
		return nil, nil
	}
	b, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	var e E
	if err := PE(&e).UnmarshalJSON(b); err != nil {
		return nil, err
	}
	return &e, nil
}

// configured returns a pointer to v's string, or nil when v is null or
// unknown (an optional attribute left out of the configuration).
func configured(v types.String) *string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	s := v.ValueString()
	return &s
}

// listStrings returns the strings of a list of strings; a null or unknown
// list, and null or unknown elements, give none.
func listStrings(l types.List) []string {
	if l.IsNull() || l.IsUnknown() {
		return nil
	}
	var out []string
	for _, v := range l.Elements() {
		if s, ok := v.(types.String); ok && !s.IsNull() && !s.IsUnknown() {
			out = append(out, s.ValueString())
		}
	}
	return out
}

// apiTimeLayouts are the forms of SDRS timestamps, which carry no zone but
// UTC's (sdrs.md §1.3, §23): protection groups "2019-05-22 08:16:54.413"
// (SDK3's comments: "2019-04-01T12:00:00.000Z"), replication pairs
// "2019-05-22T08:16:54.413254". Fractional seconds of any length parse.
var apiTimeLayouts = []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05"}

// parseAPITime parses an SDRS timestamp; ok is false for an empty or
// unknown form.
func parseAPITime(s string) (t time.Time, ok bool) {
	for _, layout := range apiTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// createdSince reports whether an object created at createdAt (an SDRS
// timestamp) was created at or after since; an unreadable time is not.
func createdSince(createdAt string, since time.Time) bool {
	t, ok := parseAPITime(createdAt)
	return ok && !t.Before(since)
}

// onlyOne returns the one ID of the objects a lost create may have made:
// false for none; for more, an error that says why (what) and that none is
// adopted.
func onlyOne(ids []string, what string) (string, bool, error) {
	switch len(ids) {
	case 0:
		return "", false, nil
	case 1:
		return ids[0], true, nil
	}
	return "", false, fmt.Errorf("%d %s (%s), so none is adopted. Import the one to keep (terraform import) and delete the others",
		len(ids), what, strings.Join(ids, ", "))
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// objectAsOptions converts nested objects whose unknown or null members
// map to the framework's value types.
var objectAsOptions = basetypes.ObjectAsOptions{}
