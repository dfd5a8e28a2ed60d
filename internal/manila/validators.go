package manila

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// uuidPattern matches the UUIDs Manila accepts (uuidutils.is_uuid_like,
// dashed form).
var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// nameValidator refuses a name Manila cannot hold: names are 1 to 255
// characters (the databases' String(255) columns).
func nameValidator() validator.String { return stringvalidator.LengthBetween(1, 255) }

// uuidValidator refuses a value that is not a UUID, naming the attribute.
func uuidValidator() validator.String {
	return stringvalidator.RegexMatches(uuidPattern, "must be a UUID such as 6f519a48-3183-46cf-a32f-41815f813986")
}
