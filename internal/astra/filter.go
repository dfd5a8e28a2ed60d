package astra

import (
	"net/url"
	"regexp"
)

// filterValue matches the characters a filter value may hold (the spec's
// query_filter character class [0-9a-zA-Z.,-_:@ {}"], where ",-_" is a range).
var filterValue = regexp.MustCompile(`^[0-9a-zA-Z.,-_:@ {}"]+$`)

// filterClause is one "field eq 'value'" condition; an empty value is none.
type filterClause struct{ field, value string }

// filterQuery returns the query with one filter parameter per clause the
// API's filter syntax can carry (the others are left to the client side).
func filterQuery(clauses []filterClause) url.Values {
	q := url.Values{}
	for _, c := range clauses {
		if c.value != "" && filterValue.MatchString(c.value) && !containsQuote(c.value) {
			q.Add("filter", c.field+" eq '"+c.value+"'")
		}
	}
	return q
}

// containsQuote reports whether s holds a quote, which no filter value can carry.
func containsQuote(s string) bool {
	for _, r := range s {
		if r == '\'' || r == '"' {
			return true
		}
	}
	return false
}
