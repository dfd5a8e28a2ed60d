package sdrs

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
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
			fmt.Sprintf("%q is not an ID of the form SDRS uses: Huawei Cloud IDs are UUIDs, such as 6f519a48-3183-46cf-a32f-41815f813986.", id))
	}
}
