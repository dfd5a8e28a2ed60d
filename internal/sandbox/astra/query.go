package astra

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// Query keys of collection GETs. The spec gives hookSources, appMirrors,
// apps and clusters exactly include, limit and filter (astra.md §1.4);
// packages add orderBy.
const (
	queryInclude = "include"
	queryLimit   = "limit"
	queryFilter  = "filter"
)

// listQueryKeys are the query keys of most collections.
var listQueryKeys = []string{queryInclude, queryLimit, queryFilter}

// Patterns of components.schemas.query_*. query_filter has a backreference,
// which Go's regexp lacks: parseFilter implements it instead.
var (
	includeRe = regexp.MustCompile(`^([0-9a-zA-Z]+)(,[0-9a-zA-Z]+)*$`)
	limitRe   = regexp.MustCompile(`^([1-9][0-9]*)$`)
)

// listQuery is a parsed collection query.
type listQuery struct {
	include []string       // fields to project each item onto, in order; nil for whole items
	limit   int            // maximum number of items; 0 for no limit
	filters []filterClause // clauses that every item must match
}

// parseListQuery parses include, limit and filter from the raw query
// string. Keys other than these are refused earlier by the router (problem
// 6). A value that breaks its query_* pattern gives 400 problem 5 naming the
// parameter. include and limit may appear once; filter may repeat, and its
// clauses are ANDed.
func parseListQuery(rawQuery string) (listQuery, *problem) {
	values, err := url.ParseQuery(rawQuery)
	if err != nil {
		return listQuery{}, invalidParams(5, "query", "the query string is malformed: "+err.Error())
	}
	var q listQuery
	if vs, ok := values[queryInclude]; ok {
		if len(vs) != 1 {
			return listQuery{}, invalidParams(5, queryInclude, "must not be repeated")
		}
		if !includeRe.MatchString(vs[0]) {
			return listQuery{}, invalidParams(5, queryInclude, "must be a comma-separated list of field names, such as id,name")
		}
		q.include = splitComma(vs[0])
	}
	if vs, ok := values[queryLimit]; ok {
		if len(vs) != 1 {
			return listQuery{}, invalidParams(5, queryLimit, "must not be repeated")
		}
		n, err := strconv.Atoi(vs[0])
		if !limitRe.MatchString(vs[0]) || err != nil {
			return listQuery{}, invalidParams(5, queryLimit, "must be a positive integer")
		}
		q.limit = n
	}
	for _, v := range values[queryFilter] {
		clauses, err := parseFilter(v)
		if err != nil {
			return listQuery{}, invalidParams(5, queryFilter, err.Error())
		}
		q.filters = append(q.filters, clauses...)
	}
	return q, nil
}

// splitComma splits s on commas.
func splitComma(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// queryOrderBy is the sort key of core/v1/packages, the only collection of
// this emulator that the spec gives orderBy.
const queryOrderBy = "orderBy"

// orderByRe is components.schemas.query_orderBy: one field and an optional
// " desc" (or a literal %20 before desc).
var orderByRe = regexp.MustCompile(`^(([0-9a-zA-Z]+)(( |%20)desc)?)$`)

// orderBy is a parsed orderBy parameter.
type orderBy struct {
	field string
	desc  bool
}

// parseOrderBy parses the orderBy parameter of rawQuery, if any, and checks
// that it names a scalar field of fields (400 problem 5 otherwise).
func parseOrderBy(rawQuery string, fields *fieldNode) (*orderBy, *problem) {
	values, err := url.ParseQuery(rawQuery)
	if err != nil {
		return nil, invalidParams(5, "query", "the query string is malformed: "+err.Error())
	}
	vs, ok := values[queryOrderBy]
	if !ok {
		return nil, nil
	}
	if len(vs) != 1 {
		return nil, invalidParams(5, queryOrderBy, "must not be repeated")
	}
	if !orderByRe.MatchString(vs[0]) {
		return nil, invalidParams(5, queryOrderBy, "must be one field name, optionally followed by \" desc\", such as packageVersion desc")
	}
	field, rest, _ := strings.Cut(strings.Replace(vs[0], "%20", " ", 1), " ")
	node, ok := fields.children[field]
	switch {
	case !ok:
		return nil, invalidParams(5, queryOrderBy, "unknown field "+strconv.Quote(field))
	case node.kind != scalarField:
		return nil, invalidParams(5, queryOrderBy, "field "+strconv.Quote(field)+" is not a string and cannot be ordered")
	}
	return &orderBy{field: field, desc: rest == "desc"}, nil
}

// checkQueryFields refuses (400 problem 5) an include field or a filter
// path that fields does not define. A filter path must step into arrays
// with [*], use [*] only on arrays, and end on a string (or, with [*], on
// an array of strings).
func checkQueryFields(q listQuery, fields *fieldNode) *problem {
	for _, name := range q.include {
		if _, ok := fields.children[name]; !ok {
			return invalidParams(5, queryInclude, "unknown field "+strconv.Quote(name))
		}
	}
	for _, c := range q.filters {
		if reason := checkFilterPath(c.path, fields); reason != "" {
			return invalidParams(5, queryFilter, reason)
		}
	}
	return nil
}

// checkFilterPath returns why path does not name a comparable field, or "".
func checkFilterPath(path []pathSegment, fields *fieldNode) string {
	node := fields
	var walked []string
	for _, seg := range path {
		walked = append(walked, seg.name)
		name := strings.Join(walked, ".")
		if node.kind != objectField {
			return "field " + strconv.Quote(name) + " does not exist"
		}
		next, ok := node.children[seg.name]
		if !ok {
			return "unknown field " + strconv.Quote(name)
		}
		switch {
		case seg.all && next.kind != arrayField:
			return "field " + strconv.Quote(name) + " is not an array: remove [*]"
		case !seg.all && next.kind == arrayField:
			return "field " + strconv.Quote(name) + " is an array: write " + seg.name + "[*]"
		case seg.all:
			next = next.elem
		}
		node = next
	}
	if node.kind != scalarField {
		return "field " + strconv.Quote(strings.Join(walked, ".")) + " is an object: compare one of its fields"
	}
	return ""
}

// field kinds of packageFields.
type fieldKind int

const (
	scalarField fieldKind = iota
	objectField
	arrayField
)

// fieldNode describes one field of a resource schema for filter, orderBy
// and include: its kind, the fields of an object, the element of an array.
type fieldNode struct {
	kind     fieldKind
	children map[string]*fieldNode
	elem     *fieldNode
}

func fieldScalar() *fieldNode { return &fieldNode{kind: scalarField} }

func fieldObject(children map[string]*fieldNode) *fieldNode {
	return &fieldNode{kind: objectField, children: children}
}

func fieldArray(elem *fieldNode) *fieldNode { return &fieldNode{kind: arrayField, elem: elem} }

func scalarFields(names ...string) map[string]*fieldNode {
	m := make(map[string]*fieldNode, len(names))
	for _, n := range names {
		m[n] = fieldScalar()
	}
	return m
}

// withFields returns m plus the extra fields.
func withFields(m map[string]*fieldNode, extra map[string]*fieldNode) map[string]*fieldNode {
	for k, v := range extra {
		m[k] = v
	}
	return m
}

// metadataFields is type_astra_metadata as a field tree.
func metadataFields() *fieldNode {
	return fieldObject(withFields(scalarFields("creationTimestamp", "modificationTimestamp", "createdBy", "modifiedBy"),
		map[string]*fieldNode{"labels": fieldArray(fieldObject(scalarFields("name", "value")))}))
}
