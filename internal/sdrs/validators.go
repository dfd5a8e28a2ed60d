package sdrs

import (
	"context"
	"fmt"
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
