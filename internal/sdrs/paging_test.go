package sdrs

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync/atomic"
	"testing"
)

// listServer serves n objects under key ("server_groups", "replications");
// it honours offset unless ignoreOffset, and reports count unless noCount.
// It counts the list calls.
func listServer(key string, n int, ignoreOffset, noCount bool, calls *atomic.Int32) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		q := r.URL.Query()
		limit, _ := strconv.Atoi(q.Get("limit"))
		offset, _ := strconv.Atoi(q.Get("offset"))
		if ignoreOffset {
			offset = 0
		}
		var page []map[string]any
		for i := offset; i < n && len(page) < limit; i++ {
			page = append(page, map[string]any{"id": fmt.Sprintf("o-%03d", i), "name": "o", "status": "available"})
		}
		body := map[string]any{key: page}
		if !noCount {
			body["count"] = n
		}
		writeJSON(w, http.StatusOK, body)
	}
}

// Every list (protection groups, replication pairs) reads all pages, stops
// at a short page, and survives a server that ignores offset.
func TestAllPagesReadsEveryPage(t *testing.T) {
	defer func(old int32) { listPageSize = old }(listPageSize)
	listPageSize = 10
	lists := map[string]func(c *Client) ([]string, bool, error){
		"server_groups": func(c *Client) ([]string, bool, error) {
			groups, complete, err := c.AllGroups(context.Background(), GroupFilter{})
			var ids []string
			for _, g := range groups {
				ids = append(ids, g.Id)
			}
			return ids, complete, err
		},
		"replications": func(c *Client) ([]string, bool, error) {
			pairs, complete, err := c.AllPairs(context.Background(), PairFilter{})
			var ids []string
			for _, p := range pairs {
				ids = append(ids, p.Id)
			}
			return ids, complete, err
		},
	}
	for _, tc := range []struct {
		name         string
		n            int
		ignoreOffset bool
		noCount      bool
		wantItems    int
		wantCalls    int32
		wantComplete bool
	}{
		{name: "several pages", n: 25, wantItems: 25, wantCalls: 3, wantComplete: true},
		{name: "exact pages", n: 20, wantItems: 20, wantCalls: 2, wantComplete: true},
		{name: "exact pages without count", n: 20, noCount: true, wantItems: 20, wantCalls: 3, wantComplete: true},
		{name: "empty", n: 0, wantItems: 0, wantCalls: 1, wantComplete: true},
		{name: "server ignoring offset", n: 25, ignoreOffset: true, wantItems: 10, wantCalls: 2, wantComplete: false},
		{name: "server ignoring offset without count", n: 25, ignoreOffset: true, noCount: true, wantItems: 10, wantCalls: 2, wantComplete: false},
	} {
		for key, list := range lists {
			t.Run(key+"/"+tc.name, func(t *testing.T) {
				var calls atomic.Int32
				c := fakeAPI(t, listServer(key, tc.n, tc.ignoreOffset, tc.noCount, &calls))
				ids, complete, err := list(c)
				if err != nil {
					t.Fatal(err)
				}
				if len(ids) != tc.wantItems || complete != tc.wantComplete || calls.Load() != tc.wantCalls {
					t.Fatalf("got %d items, complete %v, %d calls; want %d, %v, %d", len(ids), complete, calls.Load(), tc.wantItems, tc.wantComplete, tc.wantCalls)
				}
				seen := map[string]bool{}
				for _, id := range ids {
					if seen[id] {
						t.Fatalf("%s listed twice", id)
					}
					seen[id] = true
				}
			})
		}
	}
}
