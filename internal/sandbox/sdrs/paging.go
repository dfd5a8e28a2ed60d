package sdrs

import (
	"net/http"
	"net/url"
	"strconv"
)

// paging is the limit and offset of a list request.
type paging struct {
	limit, offset int
}

// parsePaging parses limit (0 to 1000, default 1000; SDRS.0221) and offset
// (non-negative, default 0; SDRS.0222), as every SDRS list takes them
// (sdrs.md §1.4).
func parsePaging(q url.Values) (paging, *apiError) {
	p := paging{limit: 1000}
	if s, ok := q["limit"]; ok {
		n, err := strconv.Atoi(s[0])
		if err != nil || n < 0 || n > 1000 {
			return p, sdrsError("SDRS.0221", "")
		}
		p.limit = n
	}
	if s, ok := q["offset"]; ok {
		n, err := strconv.Atoi(s[0])
		if err != nil || n < 0 {
			return p, sdrsError("SDRS.0222", "")
		}
		p.offset = n
	}
	return p, nil
}

// writeList answers one page of the rows that matched, rendered by view,
// under key, with the number that matched as count.
func writeList[T, V any](w http.ResponseWriter, key string, matched []*T, p paging, view func(*T) V) {
	views := make([]V, 0, min(len(matched), p.limit))
	if p.offset < len(matched) {
		for _, row := range matched[p.offset:min(len(matched), p.offset+p.limit)] {
			views = append(views, view(row))
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{key: views, "count": len(matched)})
}
