package astra

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// appScheduleVersions are the versions a client may send (actoolkit sends
// 1.2).
var appScheduleVersions = []string{"1.3", "1.2", "1.1", "1.0"}

// Limits and patterns of schedule_1.3_* fields. The spec's patterns for
// minute, hour and dayOfMonth lack parentheses ("^[0-9]|[1-5][0-9]$" is
// "starts with a digit, or ends with two"), which would accept "99"; their
// descriptions give the intended ranges (0-59, 0-23, 1-31), which these
// patterns enforce.
var (
	minuteRe     = regexp.MustCompile(`^([0-9]|[1-5][0-9])$`)
	hourRe       = regexp.MustCompile(`^([0-9]|1[0-9]|2[0-3])$`)
	dayOfWeekRe  = regexp.MustCompile(`^[0-7]$`)
	dayOfMonthRe = regexp.MustCompile(`^([1-9]|[1-2][0-9]|3[0-1])$`)
	retentionRe  = regexp.MustCompile(`^(0|([1-9][0-9]*))$`)
	intervalRe   = regexp.MustCompile(`^[1-9][0-9]*$`)

	granularities = []string{"hourly", "daily", "weekly", "monthly", "custom"}
)

const maxAppScheduleName = 63

// appSchedulePostSchema is schedule_1.3_post_request_body.
var appSchedulePostSchema = objectSchema{
	name: "schedule_1.3_post_request_body",
	properties: []string{"type", "version", "name", "enabled", "granularity", "minute", "hour", "dayOfWeek", "dayOfMonth",
		"recurrenceRule", "snapshotRetention", "backupRetention", "bucketID", "replicate", "metadata"},
	required: []string{"type", "version", "name", "granularity", "snapshotRetention", "backupRetention"},
}

// appSchedulePutSchema is schedule_1.3_put_request_body.
var appSchedulePutSchema = objectSchema{
	name: "schedule_1.3_put_request_body",
	properties: []string{"type", "version", "id", "name", "enabled", "granularity", "minute", "hour", "dayOfWeek", "dayOfMonth",
		"recurrenceRule", "snapshotRetention", "backupRetention", "bucketID", "replicate", "metadata"},
	required: []string{"type", "version", "snapshotRetention", "backupRetention"},
}

// timingFields are the fields whose presence depends on the granularity.
var timingFields = []string{"minute", "hour", "dayOfWeek", "dayOfMonth", "recurrenceRule"}

// granularityFields lists, per granularity, the timing fields it takes
// (all required), as the field descriptions of the spec say.
var granularityFields = map[string][]string{
	"hourly":  {"minute"},
	"daily":   {"minute", "hour"},
	"weekly":  {"minute", "hour", "dayOfWeek"},
	"monthly": {"minute", "hour", "dayOfMonth"},
	"custom":  {"recurrenceRule"},
}

// appScheduleInput is a validated POST or PUT body; nil means absent.
type appScheduleInput struct {
	strs     map[string]*string
	metadata metadataUpdate
}

func (in appScheduleInput) get(key string) *string { return in.strs[key] }

// applyTo copies the fields present in a PUT body onto s. A change of
// granularity first drops the timing fields the body does not send.
func (in appScheduleInput) applyTo(s *appSchedule) {
	if v := in.get("granularity"); v != nil && *v != s.granularity {
		s.granularity = *v
		for _, key := range timingFields {
			if in.get(key) == nil {
				*timingValue(s, key) = nil
			}
		}
	}
	for _, key := range timingFields {
		if v := in.get(key); v != nil {
			*timingValue(s, key) = v
		}
	}
	if v := in.get("name"); v != nil {
		s.name = *v
	}
	if v := in.get("enabled"); v != nil {
		s.enabled = *v == "true"
	}
	if v := in.get("replicate"); v != nil {
		s.replicate = *v == "true"
	}
	if v := in.get("bucketID"); v != nil {
		s.bucketID = v
	}
	s.snapshotRetention = *in.get("snapshotRetention")
	s.backupRetention = *in.get("backupRetention")
	if in.metadata.hasLabels {
		s.labels = in.metadata.labels
	}
}

// nullableTimingKeys may be sent as null, meaning absent: actoolkit, NetApp's
// own client, sends "hour": null and the like for custom schedules.
var nullableTimingKeys = []string{"minute", "hour", "dayOfWeek", "dayOfMonth"}

// parseAppSchedule validates obj against schema (problem 8) and the content
// of each field (problem 9). The granularity rules are checked by
// checkTiming on the merged result.
func parseAppSchedule(obj map[string]json.RawMessage, schema objectSchema, now time.Time) (appScheduleInput, *problem) {
	in := appScheduleInput{strs: map[string]*string{}}
	if p := schema.check(obj); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "type", appScheduleType); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "version", appScheduleVersions...); p != nil {
		return in, p
	}
	for _, key := range []string{"id", "name", "enabled", "granularity", "minute", "hour", "dayOfWeek", "dayOfMonth",
		"recurrenceRule", "snapshotRetention", "backupRetention", "bucketID", "replicate"} {
		if raw, ok := obj[key]; ok && slices.Contains(nullableTimingKeys, key) && bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
			continue
		}
		s, ok, p := stringField(obj, key)
		if p != nil {
			return in, p
		}
		if ok {
			in.strs[key] = &s
		}
	}
	var fields fieldErrors
	for _, key := range []string{"id", "bucketID"} {
		if v := in.get(key); v != nil && !identifierRe.MatchString(*v) {
			fields.add(key, "must be a lowercase v4, v5 or nil UUID")
		}
	}
	if v := in.get("name"); v != nil {
		fields.checkLength("name", *v, 1, maxAppScheduleName)
	}
	fields.checkOneOf(in.strs, "enabled", stringBoolValues)
	fields.checkOneOf(in.strs, "replicate", stringBoolValues)
	fields.checkOneOf(in.strs, "granularity", granularities)
	for _, c := range []struct {
		key    string
		re     *regexp.Regexp
		reason string
	}{
		{"minute", minuteRe, "must be a minute of the hour, 0 to 59"},
		{"hour", hourRe, "must be an hour of the day, 0 to 23"},
		{"dayOfWeek", dayOfWeekRe, "must be a day of the week, 0 to 7 (0 and 7 are Sunday)"},
		{"dayOfMonth", dayOfMonthRe, "must be a day of the month, 1 to 31"},
		{"snapshotRetention", retentionRe, "must be a count such as 0 or 12, without leading zeros"},
		{"backupRetention", retentionRe, "must be a count such as 0 or 12, without leading zeros"},
	} {
		if v := in.get(c.key); v != nil && !c.re.MatchString(*v) {
			fields.add(c.key, c.reason)
		}
	}
	for _, key := range []string{"snapshotRetention", "backupRetention"} {
		if v := in.get(key); v != nil && len(*v) > 63 {
			fields.add(key, "must be at most 63 characters long")
		}
	}
	if v := in.get("recurrenceRule"); v != nil {
		if reason := checkRecurrenceRule(*v, now); reason != "" {
			fields.add("recurrenceRule", reason)
		}
	}
	md, p := parseMetadataUpdate(obj, &fields)
	if p != nil {
		return in, p
	}
	in.metadata = md
	return in, fields.problem()
}

// checkRecurrenceRule returns why rule is not a rule the spec accepts, or
// "": a UTC DTSTART in the past and an RRULE with only FREQ (MINUTELY or
// HOURLY) and INTERVAL, on two lines, as in
// "DTSTART:20220101T000000Z\nRRULE:FREQ=MINUTELY;INTERVAL=30".
func checkRecurrenceRule(rule string, now time.Time) string {
	const example = ` (for example "DTSTART:20220101T000000Z\nRRULE:FREQ=MINUTELY;INTERVAL=30")`
	lines := strings.Split(rule, "\n")
	var dtstart, rrule *string
	for _, line := range lines {
		name, value, _ := strings.Cut(line, ":")
		switch {
		case name == "DTSTART" && dtstart == nil:
			dtstart = &value
		case name == "RRULE" && rrule == nil:
			rrule = &value
		default:
			return "must be a DTSTART line and an RRULE line separated by a line feed" + example
		}
	}
	if dtstart == nil || rrule == nil {
		return "must be a DTSTART line and an RRULE line separated by a line feed" + example
	}
	start, err := time.Parse("20060102T150405Z", *dtstart)
	if err != nil {
		return "DTSTART must be a UTC time such as 20220101T000000Z (only UTC, with the Z suffix, is supported)"
	}
	if !start.Before(now) {
		return "DTSTART must be in the past"
	}
	seen := map[string]bool{}
	for _, part := range strings.Split(*rrule, ";") {
		key, value, ok := strings.Cut(part, "=")
		if !ok || seen[key] {
			return "RRULE must be FREQ=… and optionally INTERVAL=…, separated by a semicolon" + example
		}
		seen[key] = true
		switch key {
		case "FREQ":
			if value != "MINUTELY" && value != "HOURLY" {
				return "RRULE FREQ must be MINUTELY or HOURLY"
			}
		case "INTERVAL":
			if !intervalRe.MatchString(value) {
				return "RRULE INTERVAL must be a positive integer"
			}
		default:
			return "RRULE supports only the FREQ and INTERVAL rule parts, not " + strconv.Quote(key)
		}
	}
	if !seen["FREQ"] {
		return "RRULE must have a FREQ rule part" + example
	}
	return ""
}

// timingValue returns a pointer to the timing field key of sc.
func timingValue(sc *appSchedule, key string) **string {
	switch key {
	case "minute":
		return &sc.minute
	case "hour":
		return &sc.hour
	case "dayOfWeek":
		return &sc.dayOfWeek
	case "dayOfMonth":
		return &sc.dayOfMonth
	default:
		return &sc.recurrenceRule
	}
}

// checkTiming applies the granularity rules to sc: every timing field the
// granularity takes is required, the others must be absent, except that a
// custom schedule may carry minute "0" (the value the API returns for it).
func checkTiming(sc *appSchedule) *problem {
	var fields fieldErrors
	takes := granularityFields[sc.granularity]
	for _, key := range timingFields {
		v := *timingValue(sc, key)
		switch {
		case slices.Contains(takes, key) && v == nil:
			fields.add(key, "is required for "+sc.granularity+" schedules")
		case key == "minute" && sc.granularity == "custom":
			if v != nil && *v != "0" {
				fields.add(key, `must be "0" or absent for custom schedules: the recurrence rule's DTSTART sets the offset`)
			}
		case !slices.Contains(takes, key) && v != nil:
			fields.add(key, "does not apply to "+sc.granularity+" schedules; it is used by "+usersOf(key))
		}
	}
	return fields.problem()
}

// usersOf names the granularities that take key.
func usersOf(key string) string {
	var out []string
	for _, g := range granularities {
		if slices.Contains(granularityFields[g], key) {
			out = append(out, g)
		}
	}
	return strings.Join(out, ", ") + " schedules"
}
