package astra

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// fakeAPI records the requests and answers with the given handler.
type fakeAPI struct {
	requests []*http.Request
	bodies   []string
}

func newFakeClient(t *testing.T, h func(w http.ResponseWriter, r *http.Request)) (*Client, *fakeAPI) {
	t.Helper()
	f := &fakeAPI{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		f.requests = append(f.requests, r)
		f.bodies = append(f.bodies, string(body))
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(Settings{Endpoint: srv.URL, AccountID: "acc", APIToken: "tok"}, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	return c, f
}
