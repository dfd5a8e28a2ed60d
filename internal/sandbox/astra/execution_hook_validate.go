package astra

import (
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
)

// executionHookVersions are the versions a client may send.
var executionHookVersions = []string{"1.3", "1.2", "1.1", "1.0"}

// Limits of executionHook_1.3_* fields.
const (
	maxExecHookName        = 63
	maxExecHookDescription = 511
	maxExecHookArguments   = 16
	maxExecHookArgument    = 127
	maxMatchingCriteria    = 10
)

// Enums of executionHook_1.3_* fields.
var (
	executionHookActions = []string{"snapshot", "backup", "restore", "failover"}
	executionHookStages  = []string{"pre", "post"}
	criterionTypes       = []string{"containerImage", "containerName", "podName", "podLabel", "namespaceName"}
	executionHookTypes   = []string{hookTypeNetApp, hookTypeCustom}
	stringBoolValues     = []string{"true", "false"}
)

// executionHookPostSchema is executionHook_1.3_post_request_body.
var executionHookPostSchema = objectSchema{
	name: "executionHook_1.3_post_request_body",
	properties: []string{"type", "version", "name", "hookType", "matchingCriteria", "action", "stage", "hookSourceID",
		"arguments", "appID", "enabled", "description", "metadata"},
	required: []string{"type", "version", "name", "hookType", "action", "stage", "hookSourceID", "appID"},
}

// executionHookPutSchema is executionHook_1.3_put_request_body.
var executionHookPutSchema = objectSchema{
	name: "executionHook_1.3_put_request_body",
	properties: []string{"type", "version", "id", "name", "hookType", "matchingCriteria", "action", "stage", "hookSourceID",
		"arguments", "appID", "enabled", "description", "metadata"},
	required: []string{"type", "version"},
}

// criterionSchema is an item of matchingCriteria.
var criterionSchema = objectSchema{name: "matchingCriteria item", properties: []string{"type", "value"}}

// executionHookInput is a validated POST or PUT body; nil means absent.
type executionHookInput struct {
	id, name, hookType, action, stage, hookSourceID, appID, enabled, description *string

	arguments    []string
	hasArguments bool
	criteria     []matchCriterion
	hasCriteria  bool
	metadata     metadataUpdate
}

// parseExecutionHook validates obj against schema (problem 8) and then the
// content of each field (problem 9, every invalid field named). The
// combination of action and stage is checked by checkActionStage, once the
// values of a PUT are merged with the stored ones.
func parseExecutionHook(obj map[string]json.RawMessage, schema objectSchema) (executionHookInput, *problem) {
	var in executionHookInput
	if p := schema.check(obj); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "type", executionHookType); p != nil {
		return in, p
	}
	if p := checkEnum(obj, "version", executionHookVersions...); p != nil {
		return in, p
	}
	strs, p := stringFields(obj, "id", "name", "hookType", "action", "stage", "hookSourceID", "appID", "enabled", "description")
	if p != nil {
		return in, p
	}
	var fields fieldErrors
	for _, key := range []string{"id", "hookSourceID", "appID"} {
		if v := strs[key]; v != nil && !identifierRe.MatchString(*v) {
			fields.add(key, "must be a lowercase v4, v5 or nil UUID")
		}
	}
	if v := strs["name"]; v != nil {
		fields.checkLength("name", *v, 1, maxExecHookName)
	}
	fields.checkOneOf(strs, "hookType", executionHookTypes)
	fields.checkOneOf(strs, "action", executionHookActions)
	fields.checkOneOf(strs, "stage", executionHookStages)
	fields.checkOneOf(strs, "enabled", stringBoolValues)
	if v := strs["description"]; v != nil {
		fields.checkLength("description", *v, 0, maxExecHookDescription)
	}

	args, hasArgs, p := stringArray(obj, "arguments")
	if p != nil {
		return in, p
	}
	if hasArgs {
		checkArguments(args, &fields)
	}
	criteria, hasCriteria, p := parseCriteria(obj, &fields)
	if p != nil {
		return in, p
	}
	md, p := parseMetadataUpdate(obj, &fields)
	if p != nil {
		return in, p
	}
	if p := fields.problem(); p != nil {
		return in, p
	}
	in.id, in.name, in.hookType, in.action, in.stage = strs["id"], strs["name"], strs["hookType"], strs["action"], strs["stage"]
	in.hookSourceID, in.appID, in.enabled, in.description = strs["hookSourceID"], strs["appID"], strs["enabled"], strs["description"]
	in.arguments, in.hasArguments = args, hasArgs
	in.criteria, in.hasCriteria = criteria, hasCriteria
	in.metadata = md
	return in, nil
}

// checkOneOf records key when its value is present and not in allowed.
func (f *fieldErrors) checkOneOf(strs map[string]*string, key string, allowed []string) {
	if v := strs[key]; v != nil && !slices.Contains(allowed, *v) {
		f.add(key, "must be one of "+quoteAll(allowed))
	}
}

// stringArray returns obj[key] as an array of strings; a present value of
// another shape (null included) gives problem 8.
func stringArray(obj map[string]json.RawMessage, key string) ([]string, bool, *problem) {
	raw, ok := obj[key]
	if !ok {
		return nil, false, nil
	}
	var out []string
	if err := json.Unmarshal(raw, &out); err != nil || out == nil {
		return nil, true, schemaFailure("property " + strconv.Quote(key) + " must be an array of strings")
	}
	return out, true, nil
}

// checkArguments applies the limits of arguments: at most 16 unique
// strings of at most 127 characters.
func checkArguments(args []string, fields *fieldErrors) {
	if len(args) > maxExecHookArguments {
		fields.add("arguments", "must have at most "+strconv.Itoa(maxExecHookArguments)+" items, got "+strconv.Itoa(len(args)))
	}
	for i, arg := range args {
		fields.checkLength("arguments["+strconv.Itoa(i)+"]", arg, 0, maxExecHookArgument)
		if slices.Index(args, arg) < i {
			fields.add("arguments["+strconv.Itoa(i)+"]", "duplicates an earlier argument; arguments must be unique")
		}
	}
}

// parseCriteria validates matchingCriteria: at most 10 unique objects
// {type, value}, type one of the enum, value an RE2 regular expression.
func parseCriteria(obj map[string]json.RawMessage, fields *fieldErrors) ([]matchCriterion, bool, *problem) {
	raw, ok := obj["matchingCriteria"]
	if !ok {
		return nil, false, nil
	}
	var items []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil || items == nil {
		return nil, true, schemaFailure(`property "matchingCriteria" must be an array of objects`)
	}
	if len(items) > maxMatchingCriteria {
		fields.add("matchingCriteria", "must have at most "+strconv.Itoa(maxMatchingCriteria)+" items, got "+strconv.Itoa(len(items)))
	}
	out := make([]matchCriterion, 0, len(items))
	for i, item := range items {
		at := "matchingCriteria[" + strconv.Itoa(i) + "]"
		if item == nil {
			return nil, true, schemaFailure(at + " must be an object")
		}
		if p := criterionSchema.check(item); p != nil {
			return nil, true, p
		}
		kind, hasKind, p := stringField(item, "type")
		if p != nil {
			return nil, true, p
		}
		value, hasValue, p := stringField(item, "value")
		if p != nil {
			return nil, true, p
		}
		switch {
		case !hasKind:
			fields.add(at+".type", "is required")
		case !slices.Contains(criterionTypes, kind):
			fields.add(at+".type", "must be one of "+quoteAll(criterionTypes))
		}
		if !hasValue {
			fields.add(at+".value", "is required")
		} else if _, err := regexp.Compile(value); err != nil {
			fields.add(at+".value", "must be an RE2 regular expression: "+err.Error())
		}
		c := matchCriterion{Type: kind, Value: value}
		if slices.Contains(out, c) {
			fields.add(at, "duplicates an earlier criterion; matchingCriteria must be unique")
		}
		out = append(out, c)
	}
	return out, true, nil
}

// checkActionStage applies the rule of stage: "pre" and "post" for
// snapshot and backup, only "post" for restore and failover.
func checkActionStage(action, stage string) *problem {
	if stage == "pre" && (action == "restore" || action == "failover") {
		return invalidFields(9, invalidItem{Name: "stage",
			Reason: "must be \"post\" for action " + strconv.Quote(action) + ": only snapshot and backup hooks can run before the action"})
	}
	return nil
}

// checkImmutable refuses (409 problem 10) a PUT that changes id, appID or
// hookType.
func checkImmutable(in executionHookInput, h *executionHook, id string) *problem {
	switch {
	case in.id != nil && *in.id != id:
		return idMismatch()
	case in.appID != nil && *in.appID != h.appID:
		return invalidFields(10, invalidItem{Name: "appID", Reason: "cannot be changed: an execution hook belongs to one app; create a new hook for another app"})
	case in.hookType != nil && *in.hookType != h.hookType:
		return invalidFields(10, invalidItem{Name: "hookType", Reason: "cannot be changed"})
	}
	return nil
}

// applyTo copies the fields present in a PUT body onto h.
func (in executionHookInput) applyTo(h *executionHook) {
	for _, f := range []struct {
		from *string
		to   *string
	}{{in.name, &h.name}, {in.action, &h.action}, {in.stage, &h.stage}, {in.hookSourceID, &h.hookSourceID}} {
		if f.from != nil {
			*f.to = *f.from
		}
	}
	if in.hasArguments {
		h.arguments = in.arguments
	}
	if in.hasCriteria {
		h.criteria = in.criteria
	}
	if in.enabled != nil {
		h.enabled = *in.enabled == "true"
	}
	if in.description != nil {
		h.description = in.description
	}
	if in.metadata.hasLabels {
		h.labels = in.metadata.labels
	}
}
