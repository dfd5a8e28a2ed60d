package astra

import (
	"context"
	"io"
	"net/http"
	"testing"
)

func TestFilterValuesTheSyntaxCannotCarryAreMatchedLocally(t *testing.T) {
	c, f := newFakeClient(t, func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, `{"items":[{"id":"1","name":"it's"},{"id":"2","name":"its"}],"metadata":{}}`)
	})
	got, err := c.ListApps(context.Background(), AppFilter{Name: "it's"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != "1" || f.requests[0].URL.RawQuery != "" {
		t.Errorf("ListApps = %+v, query %q", got, f.requests[0].URL.RawQuery)
	}
}
