package manila

import (
	"net/http"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// pagination is the offset and limit of a list (common.limited).
type pagination struct {
	offset, limit int
	limitGiven    bool
}

// maxLimit is osapi_max_limit.
const maxLimit = 1000

// parsePagination validates offset and limit in the server's order.
func (c *call) parsePagination() (pagination, *fault) {
	q := c.r.URL.Query()
	p := pagination{limit: maxLimit}
	var err error
	if s := q.Get("offset"); q.Has("offset") {
		if p.offset, err = pyInt(s); err != nil {
			return p, badRequest("offset param must be an integer")
		}
	}
	if s := q.Get("limit"); q.Has("limit") {
		p.limitGiven = true
		if p.limit, err = pyInt(s); err != nil {
			return p, badRequest("limit param must be an integer")
		}
	}
	if p.limit < 0 {
		return p, badRequest("limit param must be positive")
	}
	if p.offset < 0 {
		return p, badRequest("offset param must be positive")
	}
	if p.limit == 0 || p.limit > maxLimit {
		p.limit = maxLimit
	}
	return p, nil
}

// window returns the [offset, offset+limit) bounds for n items.
func (p pagination) window(n int) (int, int) {
	start := min(p.offset, n)
	end := min(start+p.limit, n)
	return start, end
}

// collectionLinks returns the "next" link Manila adds when a page is full
// (_get_collection_links, manila.md §3.2), pointing at
// …/{collection}?<query>&marker=<id>.
func (c *call) collectionLinks(p pagination, returned int, collection, marker string) []object {
	maxItems := maxLimit
	if p.limitGiven && p.limit < maxLimit {
		maxItems = p.limit
	}
	if returned == 0 || returned != maxItems {
		return nil
	}
	q := c.r.URL.Query()
	q.Set("marker", marker)
	href := backend.BaseURL(c.r) + "/v2/" + c.tok.projectID + "/" + collection + "?" + q.Encode()
	return []object{{{"rel", "next"}, {"href", href}}}
}

// listing is how a collection answers a list: the key of its items, and
// the key and the collection name of its next link (none when linksKey is
// empty).
type listing struct {
	key, linksKey, collection string
}

// writeList answers a list request: the rows in the page that offset and
// limit select, each rendered by view, and the next link when the page is
// full, whose marker is marker(page).
func writeList[T any](c *call, rows []*T, l listing, view func(*T) object, marker func(page []*T) string) *fault {
	p, f := c.parsePagination()
	if f != nil {
		return f
	}
	start, end := p.window(len(rows))
	page := rows[start:end]
	items := make([]object, 0, len(page))
	for _, row := range page {
		items = append(items, view(row))
	}
	out := object{{l.key, items}}
	if l.linksKey != "" && len(page) > 0 {
		if links := c.collectionLinks(p, len(page), l.collection, marker(page)); links != nil {
			out = append(out, field{l.linksKey, links})
		}
	}
	writeJSON(c.w, http.StatusOK, out)
	return nil
}

// lastID is the marker of a page: the ID of its last row.
func lastID[T any](id func(*T) string) func(page []*T) string {
	return func(page []*T) string { return id(page[len(page)-1]) }
}
