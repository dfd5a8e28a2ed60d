package sdrs

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

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

// listItems converts the objects a list data source read into its items
// (item) and the list of their IDs (id), in the API's order. It warns,
// naming the objects (what: "protection groups"), when the list is not
// complete: the API stopped returning new objects before the number it
// reported.
func listItems[A, I any](objs []A, complete bool, what string, item func(*A) I, id func(*A) string, diags *diag.Diagnostics) ([]I, types.List) {
	if !complete {
		diags.AddWarning("Incomplete list of "+what,
			fmt.Sprintf("The SDRS API stopped returning new %s before the number it reported (it seems to ignore the offset "+
				"parameter); the list holds the %d %s read.", what, len(objs), what))
	}
	items := make([]I, 0, len(objs))
	ids := make([]attr.Value, 0, len(objs))
	for i := range objs {
		items = append(items, item(&objs[i]))
		ids = append(ids, types.StringValue(id(&objs[i])))
	}
	list, d := types.ListValue(types.StringType, ids)
	diags.Append(d...)
	return items, list
}
