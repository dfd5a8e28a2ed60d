package astra

import (
	"net/url"
	"regexp"
	"strconv"
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
