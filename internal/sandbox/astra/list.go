package astra

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// listItem is one resource of a collection, as sent (raw, with the field
// order of the resource's struct) and as decoded JSON (view) for filter and
// include.
type listItem struct {
	raw  json.RawMessage
	view map[string]any
}

// newListItem renders a resource for listing.
func newListItem(resource any) (listItem, error) {
	raw, err := json.Marshal(resource)
	if err != nil {
		return listItem{}, err
	}
	var view map[string]any
	if err := json.Unmarshal(raw, &view); err != nil {
		return listItem{}, err
	}
	return listItem{raw: raw, view: view}, nil
}

// listItems renders rows for listing with view; a row that cannot be
// rendered gives 500 problem 34.
func listItems[T any](rows []*T, view func(*T) any) ([]listItem, *problem) {
	items := make([]listItem, 0, len(rows))
	for _, row := range rows {
		item, err := newListItem(view(row))
		if err != nil {
			return nil, newProblem(34)
		}
		items = append(items, item)
	}
	return items, nil
}

// writeRows answers a collection GET (include, limit and filter in q) with
// rows rendered by view.
func writeRows[T any](w http.ResponseWriter, collectionType, version string, rows []*T, view func(*T) any, q listQuery) *problem {
	items, p := listItems(rows, view)
	if p != nil {
		return p
	}
	return writeList(w, collectionType, version, items, q)
}

// listResponse is the body of a collection GET. Metadata is always present
// and empty, as in real responses (astra.md §1.4); type and version follow
// the spec examples.
type listResponse struct {
	Type     string         `json:"type"`
	Version  string         `json:"version"`
	Items    []any          `json:"items"`
	Metadata map[string]any `json:"metadata"`
}

// writeList filters, limits and projects items (in that order) and sends
// them as a 200 application/json collection of type collectionType.
func writeList(w http.ResponseWriter, collectionType, version string, items []listItem, q listQuery) *problem {
	return writeListWith(w, collectionType, version, items, q, map[string]any{})
}

// writeListWith is writeList with the collection's metadata.
func writeListWith(w http.ResponseWriter, collectionType, version string, items []listItem, q listQuery, meta map[string]any) *problem {
	out := make([]any, 0, len(items))
	for _, item := range items {
		if q.limit > 0 && len(out) == q.limit {
			break
		}
		if !matchAll(item.view, q.filters) {
			continue
		}
		if q.include == nil {
			out = append(out, item.raw)
			continue
		}
		// include: each item becomes the array of the requested fields'
		// values in the requested order; a missing field gives null.
		projected := make([]any, len(q.include))
		for i, field := range q.include {
			projected[i] = item.view[field]
		}
		out = append(out, projected)
	}
	return writeJSON(w, http.StatusOK, mediaJSON, listResponse{
		Type:     collectionType,
		Version:  version,
		Items:    out,
		Metadata: meta,
	})
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

// queryContinue is the paging token of the collections that the spec
// gives continue (credentials among those this emulator serves).
const queryContinue = "continue"

// pagedQueryKeys are the query keys of core/v1/credentials.
var pagedQueryKeys = []string{queryContinue, queryFilter, queryInclude, queryLimit, queryOrderBy}

// continueToken is the decoded continue token, as a real server's reads
// (astra.md §1.4: {"collectionIndex":6}).
type continueToken struct {
	CollectionIndex int `json:"collectionIndex"`
}

// writePagedList answers a collection GET that takes continue and orderBy
// too: filter, then orderBy, then the page from the continue token, at
// most limit items, then include. When items remain after the page,
// metadata.continue is the token of the next one.
func writePagedList(w http.ResponseWriter, rawQuery, collectionType, version string, items []listItem, fields *fieldNode) *problem {
	q, p := parseListQuery(rawQuery)
	if p != nil {
		return p
	}
	by, p := parseOrderBy(rawQuery, fields)
	if p != nil {
		return p
	}
	if p := checkQueryFields(q, fields); p != nil {
		return p
	}
	start, p := parseContinue(rawQuery)
	if p != nil {
		return p
	}
	items = slices.DeleteFunc(items, func(item listItem) bool { return !matchAll(item.view, q.filters) })
	sortItems(items, by)
	q.filters = nil // applied, before the sort
	if start > len(items) {
		start = len(items)
	}
	items = items[start:]
	meta := map[string]any{}
	if q.limit > 0 && len(items) > q.limit {
		token, _ := json.Marshal(continueToken{CollectionIndex: start + q.limit})
		meta["continue"] = base64.StdEncoding.EncodeToString(token)
		items = items[:q.limit]
	}
	q.limit = 0
	out := make([]listItem, 0, len(items))
	out = append(out, items...)
	return writeListWith(w, collectionType, version, out, q, meta)
}

// parseContinue returns the index a continue token resumes at (0 without
// one); a token that is not one of this server's gives 400 problem 5.
func parseContinue(rawQuery string) (int, *problem) {
	values, err := url.ParseQuery(rawQuery)
	if err != nil {
		return 0, invalidParams(5, "query", "the query string is malformed: "+err.Error())
	}
	vs, ok := values[queryContinue]
	if !ok {
		return 0, nil
	}
	var token continueToken
	raw, err := base64.StdEncoding.DecodeString(vs[0])
	if len(vs) != 1 || err != nil || json.Unmarshal(raw, &token) != nil || token.CollectionIndex < 0 {
		return 0, invalidParams(5, queryContinue, "must be the continue token of the collection's metadata")
	}
	return token.CollectionIndex, nil
}
