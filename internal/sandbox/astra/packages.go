package astra

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// queryOrderBy is the sort key of core/v1/packages, the only collection of
// this emulator that the spec gives orderBy.
const queryOrderBy = "orderBy"

// packageQueryKeys are the query keys of GET core/v1/packages, in the
// spec's order.
var packageQueryKeys = []string{queryFilter, queryOrderBy, queryInclude, queryLimit}

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

// sortItems orders items by one top-level field, stably, numbers
// numerically and other values as strings (as filter compares them); items
// without the field come last.
func sortItems(items []listItem, by *orderBy) {
	if by == nil {
		return
	}
	slices.SortStableFunc(items, func(x, y listItem) int {
		a, okA := scalarString(x.view[by.field])
		b, okB := scalarString(y.view[by.field])
		switch {
		case !okA && !okB:
			return 0
		case !okA:
			return 1
		case !okB:
			return -1
		}
		cmp, ok := compareNumbers(a, b)
		if !ok {
			cmp = strings.Compare(a, b)
		}
		if by.desc {
			return -cmp
		}
		return cmp
	})
}

// listPackages serves GET …/core/v1/packages: filter, then orderBy, then
// limit, then include.
func (a *API) listPackages(w http.ResponseWriter, r *http.Request) *problem {
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	by, p := parseOrderBy(r.URL.RawQuery, packageFields)
	if p != nil {
		return p
	}
	if p := checkQueryFields(q, packageFields); p != nil {
		return p
	}
	items := make([]listItem, 0, len(a.ops.packages))
	for _, pkg := range a.ops.packages {
		item, err := newListItem(pkg)
		if err != nil {
			return newProblem(34)
		}
		if matchAll(item.view, q.filters) {
			items = append(items, item)
		}
	}
	sortItems(items, by)
	q.filters = nil // already applied, before the sort
	return writeList(w, packagesType, packageVersion, items, q)
}

// getPackage serves GET …/core/v1/packages/{id}; unknown: 404 problem 2.
func (a *API) getPackage(w http.ResponseWriter, r *http.Request) *problem {
	id := r.PathValue("package_id")
	i := slices.IndexFunc(a.ops.packages, func(p *astraPackage) bool { return p.ID == id })
	if i < 0 {
		return newProblem(2)
	}
	return writeJSON(w, http.StatusOK, negotiate(r, resourceMediaType(packageType)), a.ops.packages[i])
}

// packagesReadOnly answers POST and DELETE on packages: 403 problem 11
// (whose detail is fixed by the spec). The sandbox's packages are fixtures
// shared by every client: they can be listed and read, not uploaded or
// deleted.
func (a *API) packagesReadOnly(_ http.ResponseWriter, _ *http.Request) *problem {
	return newProblem(11)
}
