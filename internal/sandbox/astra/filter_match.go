package astra

import (
	"strconv"
	"strings"
)

// matchAll reports whether item (a resource as decoded JSON) satisfies
// every clause.
//
// A field missing from an item does not match, rather than giving problem 5:
// optional fields (description, source of a private hook source) are absent
// from some items and present in others, so "absent" cannot be told apart
// from "unknown" without a per-collection schema, and a filter on a known
// but absent field must not fail the whole request.
func matchAll(item map[string]any, clauses []filterClause) bool {
	for _, c := range clauses {
		if !c.match(item) {
			return false
		}
	}
	return true
}

// match reports whether any value at the clause's path satisfies it.
func (c filterClause) match(item map[string]any) bool {
	for _, v := range selectPath(item, c.path) {
		if s, ok := scalarString(v); ok && compare(s, c.op, c.value) {
			return true
		}
	}
	return false
}

// selectPath returns the values at path in v; [*] fans out over arrays.
func selectPath(v any, path []pathSegment) []any {
	if len(path) == 0 {
		return []any{v}
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	next, ok := obj[path[0].name]
	if !ok {
		return nil
	}
	if !path[0].all {
		return selectPath(next, path[1:])
	}
	arr, ok := next.([]any)
	if !ok {
		return nil
	}
	var out []any
	for _, elem := range arr {
		out = append(out, selectPath(elem, path[1:])...)
	}
	return out
}

// scalarString renders a JSON scalar for comparison; objects, arrays and
// null never match.
func scalarString(v any) (string, bool) {
	switch t := v.(type) {
	case string:
		return t, true
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(t), true
	default:
		return "", false
	}
}

// compare applies op. Ordering operators compare numerically when both
// sides are numbers, else as strings (which orders type_astra_time values
// correctly when they have the same precision).
func compare(field string, op filterOp, value string) bool {
	if op == opEq {
		return field == value
	}
	if op == opIn {
		return strings.Contains(field, value)
	}
	cmp, ok := compareNumbers(field, value)
	if !ok {
		cmp = strings.Compare(field, value)
	}
	switch op {
	case opLt:
		return cmp < 0
	case opGt:
		return cmp > 0
	case opLte:
		return cmp <= 0
	case opGte:
		return cmp >= 0
	}
	return false
}

// compareNumbers compares a and b as numbers; ok is false unless both are.
func compareNumbers(a, b string) (cmp int, ok bool) {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	if errA != nil || errB != nil {
		return 0, false
	}
	switch {
	case x < y:
		return -1, true
	case x > y:
		return 1, true
	}
	return 0, true
}
