package sdrs

// listPageSize is the limit of each page the provider asks for (the API
// allows 1000). The tests of this package lower it (SetListPageSize) so
// that a few objects span several pages.
var listPageSize int32 = 100

// allPages pages through a list with offset and limit (sdrs.md §1.4) until
// it has every item. list reads one page and returns its items and the
// number that match (-1 when the API says none); id tells items apart.
// allPages never loops: it stops at a short or empty page, when it has
// count items, or when a page brings no item it has not seen (a server
// that ignores offset); complete is false when it stopped that way before
// reaching count.
func allPages[T any](id func(T) string, list func(offset, limit int32) ([]T, int, error)) (items []T, complete bool, err error) {
	seen := map[string]bool{}
	var offset int32
	for {
		page, count, err := list(offset, listPageSize)
		if err != nil {
			return nil, false, err
		}
		fresh := 0
		for _, item := range page {
			if !seen[id(item)] {
				seen[id(item)] = true
				items = append(items, item)
				fresh++
			}
		}
		switch {
		case count >= 0 && len(items) >= count:
			return items, true, nil
		case len(page) < int(listPageSize):
			return items, count < 0 || len(items) >= count, nil
		case fresh == 0:
			return items, false, nil
		}
		offset += int32(len(page))
	}
}

// listCount returns the count of a list answer, or -1 when it has none.
func listCount(count *int32) int {
	if count == nil {
		return -1
	}
	return int(*count)
}
