package sdrs

import (
	"context"
	"fmt"
	"net/netip"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// maxBytes bounds SDRS names and descriptions: 64 bytes, not characters.
const maxBytes = 64

// nameValidator accepts what the API accepts in a name: 1 to 64 bytes of
// letters, digits, ".", "_", "-" and Chinese characters.
type nameValidator struct{}

func (nameValidator) Description(context.Context) string {
	return "1 to 64 bytes of letters, digits, '.', '_', '-' and Chinese characters"
}

func (v nameValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (nameValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := checkName(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid SDRS name", err.Error())
	}
}

func checkName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("the name must not be empty")
	case len(name) > maxBytes:
		return fmt.Errorf("the name %q is %d bytes long; SDRS allows at most %d bytes (a Chinese character takes 3)", name, len(name), maxBytes)
	}
	for _, r := range name {
		ascii := r < unicode.MaxASCII && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._-", r))
		if !ascii && !unicode.Is(unicode.Han, r) {
			return fmt.Errorf("the name %q contains %q; SDRS allows only letters, digits, '.', '_', '-' and Chinese characters", name, r)
		}
	}
	return nil
}

// descriptionValidator accepts 1 to 64 bytes without angle brackets (an
// empty description is the same as none: leave the attribute out).
type descriptionValidator struct{}

func (descriptionValidator) Description(context.Context) string {
	return "1 to 64 bytes, without < or >"
}

func (v descriptionValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (descriptionValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	d := req.ConfigValue.ValueString()
	switch {
	case d == "":
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid SDRS description",
			"The description must not be empty: SDRS reports an empty description as none, so leave the attribute out instead.")
	case len(d) > maxBytes:
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid SDRS description",
			fmt.Sprintf("The description is %d bytes long; SDRS allows at most %d bytes.", len(d), maxBytes))
	case strings.ContainsAny(d, "<>"):
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid SDRS description", "The description must not contain < or >.")
	}
}

// uuidPattern is the form of every Huawei Cloud ID the SDRS resources
// take: protection groups, replication pairs, active-active domains, VPCs,
// EVS disks and protected instances are identified by UUIDs (sdrs.md §1.3,
// §3 and the API's examples).
var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// idValidator accepts a UUID, the form of every ID the SDRS API takes, so
// that a mistyped ID (or a name where an ID belongs) is refused at plan
// time instead of by the API.
type idValidator struct{}

func (idValidator) Description(context.Context) string {
	return "a UUID such as 6f519a48-3183-46cf-a32f-41815f813986"
}

func (v idValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (idValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if id := req.ConfigValue.ValueString(); !uuidPattern.MatchString(id) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid SDRS ID",
			nested(req.Path)+fmt.Sprintf("%q is not an ID of the form SDRS uses: Huawei Cloud IDs are UUIDs, such as 6f519a48-3183-46cf-a32f-41815f813986.", id))
	}
}

// nested names an attribute nested in a list or an object ("nics[0].
// subnet_id: "), whose line Terraform does not quote under a diagnostic;
// "" for a top-level one.
func nested(p path.Path) string {
	if len(p.Steps()) < 2 {
		return ""
	}
	return p.String() + ": "
}

// ipv4Validator accepts an IPv4 address, the form of every NIC address
// SDRS takes (SDRS.0219 otherwise).
type ipv4Validator struct{}

func (ipv4Validator) Description(context.Context) string {
	return "an IPv4 address such as 192.168.0.15"
}

func (v ipv4Validator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (ipv4Validator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if ip, err := netip.ParseAddr(req.ConfigValue.ValueString()); err != nil || !ip.Is4() {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid IPv4 address",
			nested(req.Path)+fmt.Sprintf("%q is not an IPv4 address such as 192.168.0.15.", req.ConfigValue.ValueString()))
	}
}

// flavorPattern is the form of an ECS flavor ID: a family, a size and a
// memory ratio, such as s6.large.2 or c7.xlarge.4 [I].
var flavorPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(\.[a-z0-9-]+){1,3}$`)

// flavorValidator accepts an ECS flavor ID.
type flavorValidator struct{}

func (flavorValidator) Description(context.Context) string {
	return "an ECS flavor ID such as s6.large.2"
}

func (v flavorValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (flavorValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if f := req.ConfigValue.ValueString(); !flavorPattern.MatchString(f) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid ECS flavor",
			fmt.Sprintf("%q is not an ECS flavor ID: flavors are named like s6.large.2 (family, size, memory ratio).", f))
	}
}

// Limits of a protected instance's tags (sdrs.md §9.2, §9.9).
const (
	maxTagKey   = 36
	maxTagValue = 43
	// tagForbidden are the characters keys and values may not hold,
	// besides ASCII 0-31.
	tagForbidden = `*<>\=,|/`
)

// checkTag returns why a tag's key or value is refused, or "".
func checkTag(key, value string) string {
	bad := func(s string) bool {
		return strings.ContainsAny(s, tagForbidden) || strings.ContainsFunc(s, func(r rune) bool { return r < 32 })
	}
	switch {
	case key == "":
		return "a tag key must not be empty"
	case utf8.RuneCountInString(key) > maxTagKey:
		return fmt.Sprintf("the tag key %q has %d characters; SDRS allows at most %d", key, utf8.RuneCountInString(key), maxTagKey)
	case bad(key):
		return fmt.Sprintf("the tag key %q holds a character SDRS refuses: a control character or one of %s", key, tagForbidden)
	case utf8.RuneCountInString(value) > maxTagValue:
		return fmt.Sprintf("the value of tag %q has %d characters; SDRS allows at most %d", key, utf8.RuneCountInString(value), maxTagValue)
	case bad(value):
		return fmt.Sprintf("the value of tag %q holds a character SDRS refuses: a control character or one of %s", key, tagForbidden)
	}
	return ""
}

// tagsValidator checks every tag of a map.
type tagsValidator struct{}

func (tagsValidator) Description(context.Context) string {
	return "keys of 1 to 36 characters and values of at most 43, without control characters or " + tagForbidden
}

func (v tagsValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (tagsValidator) ValidateMap(_ context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	for k, v := range req.ConfigValue.Elements() {
		s, ok := v.(types.String)
		if !ok || s.IsUnknown() {
			continue
		}
		if why := checkTag(k, s.ValueString()); why != "" {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid SDRS tag", why+".")
		}
	}
}
