package astra

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Patterns of the Astra API's collection query parameters
// (components.schemas.query_*), so that a malformed one is refused at plan
// time. query_filter ends in a backreference, (,(\1))*, which RE2 cannot
// express and which, taken literally, would only allow the same clause
// repeated: here it is "more comma-separated clauses", as the API reads it.
const filterClausePattern = `[0-9a-zA-Z]+(\[\*\])?(\.[0-9a-zA-Z]+(\[\*\])?)*( |%20)(eq|lt|gt|lte|gte|in)( |%20)'[0-9a-zA-Z.,-_:@ {}"]+'`

var (
	queryFilterPattern  = regexp.MustCompile(`^` + filterClausePattern + `(,` + filterClausePattern + `)*$`)
	queryOrderByPattern = regexp.MustCompile(`^[0-9a-zA-Z]+( desc)?$`)
	queryFieldPattern   = regexp.MustCompile(`^[0-9a-zA-Z]+$`)
	// astraIDPattern is type_astra_identifier: a lowercase v4 UUID, a
	// v5-style UUID or the nil UUID.
	astraIDPattern = regexp.MustCompile(`^([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}|0{8}-0{4}-0{4}-0{4}-0{12})$`)
)

// Validators built on those patterns.
var (
	queryFilterValidator = stringvalidator.RegexMatches(queryFilterPattern,
		"must be one or more comma-separated conditions in the Astra API's filter syntax, field op 'value', "+
			"where op is eq, lt, gt, lte, gte or in, for example packageName eq 'acc',packageState eq 'available'")
	queryOrderByValidator = stringvalidator.RegexMatches(queryOrderByPattern,
		"must be one field name of the API, optionally followed by \" desc\", for example packageVersion desc")
	queryFieldValidator = stringvalidator.RegexMatches(queryFieldPattern, "must be a top-level field name of the API, such as packageVersion")
	astraIDValidator    = stringvalidator.RegexMatches(astraIDPattern, "must be an Astra ID: a lowercase UUID")
)

// idValidators is the validator list of an attribute holding an Astra ID.
func idValidators() []validator.String { return []validator.String{astraIDValidator} }
