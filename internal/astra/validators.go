package astra

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

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
	// v5-style UUID or the nil UUID. Every ID the API takes has this form.
	astraIDPattern = regexp.MustCompile(`^([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}|0{8}-0{4}-0{4}-0{4}-0{12})$`)
	// dns1123Pattern is the API's type_dns_1123, the form of namespace names.
	dns1123Pattern = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
)

// Validators built on those patterns.
var (
	queryFilterValidator = stringvalidator.RegexMatches(queryFilterPattern,
		"must be one or more comma-separated conditions in the Astra API's filter syntax, field op 'value', "+
			"where op is eq, lt, gt, lte, gte or in, for example packageName eq 'acc',packageState eq 'available'")
	queryOrderByValidator = stringvalidator.RegexMatches(queryOrderByPattern,
		"must be one field name of the API, optionally followed by \" desc\", for example packageVersion desc")
	queryFieldValidator = stringvalidator.RegexMatches(queryFieldPattern, "must be a top-level field name of the API, such as packageVersion")
	// packageOrderByValidator and packageIncludeValidator name the fields
	// of a package the API knows (package_1.0_get_response_body): the API
	// refuses others with 400 problem 5.
	packageOrderByValidator = valueCheck{summary: "Unknown package field", check: checkPackageOrderBy,
		desc: "must name a text field of a package: " + strings.Join(packageTextFields, ", ")}
	packageIncludeValidator = stringvalidator.OneOf(packageFields...)
	dns1123Validator        = stringvalidator.RegexMatches(dns1123Pattern,
		"must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit")
)

// The fields of package_1.0_get_response_body: those orderBy can sort by
// (text), and every top-level field, which include may name.
var (
	packageTextFields = []string{"type", "version", "id", "packageName", "packageVersion", "packageType", "severityLevel", "packageState"}
	packageFields     = append(slices.Clone(packageTextFields),
		"bundleName", "packageStateTransitions", "packageStateDetails", "images", "artifacts", "files", "upgradableVersions", "dependencies", "metadata")
)

// checkPackageOrderBy says why an orderBy of the right syntax (queryOrderByValidator) cannot sort packages.
func checkPackageOrderBy(orderBy string) error {
	field, _, _ := strings.Cut(orderBy, " ")
	switch {
	case slices.Contains(packageTextFields, field):
		return nil
	case slices.Contains(packageFields, field):
		return fmt.Errorf("%s is not a text field, and the API sorts by text fields only: %s", field, strings.Join(packageTextFields, ", "))
	}
	return fmt.Errorf("a package has no field %q; the API sorts by one of %s", field, strings.Join(packageTextFields, ", "))
}

// appStates are the states of a managed app (astra.md §5, app_2.2 state).
var appStates = []string{"pending", "discovering", "provisioning", "ready", "failed", "restoring", "unavailable", "unknown", "deleting"}

// astraIDValidator is the validator of every attribute that holds an Astra
// ID. of, when set, names what the ID is of ("a managed cluster") in the
// message.
func astraIDValidator(of string) validator.String {
	if of == "" {
		return stringvalidator.RegexMatches(astraIDPattern, "must be an Astra ID: a lowercase UUID")
	}
	return stringvalidator.RegexMatches(astraIDPattern, "must be the ID of "+of+" (a lowercase UUID)")
}

// valueCheck refuses at plan time a value that check finds wrong, naming
// the attribute.
type valueCheck struct {
	summary string
	desc    string
	check   func(value string) error
	// format renders the detail from the attribute's path and check's
	// error; empty means "<path>: <error>.".
	format string
}

func (v valueCheck) Description(context.Context) string { return v.desc }

func (v valueCheck) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v valueCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := v.check(req.ConfigValue.ValueString()); err != nil {
		format := v.format
		if format == "" {
			format = "%s: %s."
		}
		resp.Diagnostics.AddAttributeError(req.Path, v.summary, fmt.Sprintf(format, req.Path, err))
	}
}

var (
	// sourceValidator and contentValidator apply the API's rules for
	// scripts to a hook source's source (base64) and content (plain text).
	sourceValidator = valueCheck{summary: "Invalid hook source script", check: checkSource,
		desc: "must be base64 of a script without carriage returns or binary data, at most 131072 characters"}
	contentValidator = valueCheck{summary: "Invalid hook source script", check: checkContent,
		desc: "must be a script without carriage returns or binary data, at most 96 KiB"}
	// re2Validator checks that a string compiles as an RE2 regular
	// expression (Go's regexp is RE2), as the API requires of an execution
	// hook's matching criteria.
	re2Validator = valueCheck{summary: "Invalid regular expression", desc: "must be a regular expression in RE2 syntax",
		check: func(s string) error { _, err := regexp.Compile(s); return err },
		format: "%s must be a regular expression in RE2 syntax (https://github.com/google/re2/wiki/Syntax), which Astra Control uses: %s. " +
			"RE2 has no look-around assertions and no back-references."}
	// recurrenceRuleValidator checks an app schedule's recurrence rule.
	recurrenceRuleValidator = valueCheck{summary: "Invalid recurrence rule",
		desc:  "must be DTSTART (UTC, in the past) and RRULE (FREQ MINUTELY or HOURLY, INTERVAL) lines",
		check: func(rule string) error { return checkRecurrenceRule(rule, time.Now()) }}
)

// checkRecurrenceRule returns why rule is not one Astra Control accepts:
// RFC 5545 DTSTART (UTC, in the past) and RRULE lines, the rule with only
// FREQ (MINUTELY or HOURLY) and INTERVAL.
func checkRecurrenceRule(rule string, now time.Time) error {
	const example = `for example "DTSTART:20240101T000500Z\nRRULE:FREQ=MINUTELY;INTERVAL=30"`
	var start, rrule string
	var haveStart, haveRule bool
	for _, line := range strings.Split(rule, "\n") {
		switch {
		case strings.HasPrefix(line, "DTSTART:") && !haveStart:
			start, haveStart = strings.TrimPrefix(line, "DTSTART:"), true
		case strings.HasPrefix(line, "RRULE:") && !haveRule:
			rrule, haveRule = strings.TrimPrefix(line, "RRULE:"), true
		case strings.HasPrefix(line, "DTSTART;"):
			return fmt.Errorf("DTSTART must be a UTC time without parameters such as TZID, %s", example)
		default:
			return fmt.Errorf("the rule must be exactly a DTSTART line and an RRULE line separated by a line feed (\\n), %s; found %q", example, line)
		}
	}
	if !haveStart || !haveRule {
		return fmt.Errorf("the rule needs both a DTSTART line and an RRULE line, %s", example)
	}
	t, err := time.Parse("20060102T150405Z", start)
	if err != nil {
		return fmt.Errorf("DTSTART %q is not a UTC time such as 20240101T000500Z (only UTC, with the Z suffix, is supported)", start)
	}
	if !t.Before(now) {
		return fmt.Errorf("DTSTART %s is in the future; Astra Control accepts only a start in the past (the time of day sets the offset of each run)", start)
	}
	parts := map[string]string{}
	for _, part := range strings.Split(rrule, ";") {
		key, value, ok := strings.Cut(part, "=")
		if !ok {
			return fmt.Errorf("RRULE part %q is not NAME=VALUE", part)
		}
		if _, dup := parts[key]; dup {
			return fmt.Errorf("RRULE has %s twice", key)
		}
		parts[key] = value
		switch key {
		case "FREQ":
			if value != "MINUTELY" && value != "HOURLY" {
				return fmt.Errorf("RRULE FREQ=%s is not supported: Astra Control takes only MINUTELY or HOURLY (use granularity daily, weekly or monthly for longer periods)", value)
			}
		case "INTERVAL":
			if n, err := strconv.Atoi(value); err != nil || n < 1 || strconv.Itoa(n) != value {
				return fmt.Errorf("RRULE INTERVAL=%s must be a positive integer", value)
			}
		default:
			return fmt.Errorf("RRULE part %s is not supported: Astra Control takes only FREQ and INTERVAL", key)
		}
	}
	if _, ok := parts["FREQ"]; !ok {
		return fmt.Errorf("RRULE needs FREQ, %s", example)
	}
	return nil
}

// labelSelectorValidator checks a Kubernetes label selector, as an app's
// label_selectors take them: requirements separated by commas ("key",
// "!key", "key=value", "key==value", "key!=value", "key in (a, b)",
// "key notin (a, b)"), with label keys and values of Kubernetes' form.
var labelSelectorValidator = valueCheck{summary: "Invalid label selector", check: checkLabelSelector,
	desc: "must be a Kubernetes label selector such as app=payments,tier in (db, cache)"}

var (
	labelKeyPattern   = regexp.MustCompile(`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$`)
	labelValuePattern = regexp.MustCompile(`^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$`)
	setRequirement    = regexp.MustCompile(`^(\S+)\s+(in|notin)\s*\(([^()]*)\)$`)
)

// checkLabelSelector says why s is not a label selector.
func checkLabelSelector(s string) error {
	if strings.TrimSpace(s) == "" {
		return fmt.Errorf("a label selector must not be empty")
	}
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
		if depth < 0 || depth > 1 {
			return fmt.Errorf("unbalanced parentheses in %q", s)
		}
	}
	if depth != 0 {
		return fmt.Errorf("unbalanced parentheses in %q", s)
	}
	for _, part := range append(parts, s[start:]) {
		if err := checkRequirement(strings.TrimSpace(part)); err != nil {
			return err
		}
	}
	return nil
}

// checkRequirement says why part is not one requirement of a selector.
func checkRequirement(part string) error {
	key, values := "", []string(nil)
	if m := setRequirement.FindStringSubmatch(part); m != nil {
		key = m[1]
		for _, v := range strings.Split(m[3], ",") {
			values = append(values, strings.TrimSpace(v))
		}
	} else if k, v, ok := cutOperator(part); ok {
		key, values = k, []string{v}
	} else {
		key = strings.TrimSpace(strings.TrimPrefix(part, "!"))
	}
	if !labelKeyPattern.MatchString(key) {
		return fmt.Errorf("%q: %q is not a label key (an optional DNS prefix and /, then at most 63 letters, digits, '-', '_' or '.')", part, key)
	}
	for _, v := range values {
		if !labelValuePattern.MatchString(v) {
			return fmt.Errorf("%q: %q is not a label value (at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)", part, v)
		}
	}
	return nil
}

// cutOperator splits "key op value" on !=, == or =.
func cutOperator(part string) (string, string, bool) {
	for _, op := range []string{"!=", "==", "="} {
		if k, v, ok := strings.Cut(part, op); ok {
			return strings.TrimSpace(k), strings.TrimSpace(v), true
		}
	}
	return "", "", false
}
