package astra

import (
	"encoding/base64"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestCreateHookSource(t *testing.T) {
	ta := newTestAPI(t)
	res := ta.do(t, request{
		method:  http.MethodPost,
		path:    collectionURL,
		body:    hookBody("Payroll script", exampleSource, `"description":"Pre and post hook script for payroll"`, `"metadata":{"labels":[{"name":"team","value":"pay"}]}`),
		headers: map[string]string{"Accept": "application/astra-hookSource+json"},
	})
	if res.code != http.StatusCreated {
		t.Fatalf("status %d: %s", res.code, res.raw)
	}
	if ct := res.header.Get("Content-Type"); ct != "application/astra-hookSource+json" {
		t.Errorf("Content-Type = %q", ct)
	}
	id, _ := res.body["id"].(string)
	if !identifierRe.MatchString(id) || !strings.Contains(id, "-4") {
		t.Errorf("id = %q, want a random v4 UUID", id)
	}
	if loc := res.header.Get("Location"); loc != "http://example.com"+collectionURL+"/"+id {
		t.Errorf("Location = %q", loc)
	}
	want := map[string]string{
		"type":              "application/astra-hookSource",
		"version":           "1.0",
		"name":              "Payroll script",
		"private":           "false",
		"preloaded":         "false",
		"sourceType":        "script",
		"source":            exampleSource,
		"sourceMD5Checksum": exampleMD5, // the spec example: md5 of the base64 text
		"description":       "Pre and post hook script for payroll",
	}
	for k, v := range want {
		if got, _ := res.body[k].(string); got != v {
			t.Errorf("%s = %#v, want %q", k, res.body[k], v)
		}
	}
	md, _ := res.body["metadata"].(map[string]any)
	if md["creationTimestamp"] != "2025-03-04T05:06:07.123456Z" || md["modificationTimestamp"] != md["creationTimestamp"] {
		t.Errorf("timestamps = %v", md)
	}
	if md["createdBy"] != UserID {
		t.Errorf("createdBy = %v, want %s", md["createdBy"], UserID)
	}
	labels, _ := md["labels"].([]any)
	if len(labels) != 1 {
		t.Errorf("labels = %v", md["labels"])
	}

	got := ta.do(t, request{method: http.MethodGet, path: collectionURL + "/" + id})
	if got.code != http.StatusOK || got.body["sourceMD5Checksum"] != exampleMD5 || got.body["name"] != "Payroll script" {
		t.Errorf("GET after create: %d %s", got.code, got.raw)
	}
	if ct := got.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("GET without Accept: Content-Type = %q, want application/json", ct)
	}
}

func TestSourceMD5IsOfBase64Text(t *testing.T) {
	// astra.md §3.3: the spec example and real ACC outputs.
	cases := map[string]string{
		exampleSource: exampleMD5,
		"IyEvYmluL2Jhc2gKZWNobyAidGhpcyBpcyBqdXN0IGFuIGV4YW1wbGUi":             "8ad9d02befca7ef9a0fd51f7ec4aebe7",
		"IyEvYmluL2Jhc2gKZWNobyAidGhpcyBpcyBqdXN0IGFuIGV4YW1wbGUgdXBkYXRlIg==": "30978f9517ef027e7c6861e4cc1797ae",
	}
	for source, want := range cases {
		var h hookSource
		h.setSource(source)
		if h.sourceMD5 != want {
			t.Errorf("md5(%s) = %s, want %s", source, h.sourceMD5, want)
		}
	}
}

func TestCreateAcceptsApplicationJSON(t *testing.T) {
	ta := newTestAPI(t)
	for i, ct := range []string{"application/json", "application/json; charset=utf-8", "APPLICATION/ASTRA-HOOKSOURCE+JSON"} {
		res := ta.do(t, request{method: http.MethodPost, path: collectionURL, body: hookBody("h"+itoa(i), exampleSource),
			headers: map[string]string{"Content-Type": ct}})
		if res.code != http.StatusCreated {
			t.Errorf("Content-Type %q: status %d %s", ct, res.code, res.raw)
		}
	}
	res := ta.do(t, request{method: http.MethodPost, path: collectionURL, body: hookBody("x", exampleSource),
		headers: map[string]string{"Content-Type": "text/plain"}})
	mustProblem(t, res, 400, 12)
}

func TestDuplicateName(t *testing.T) {
	ta := newTestAPI(t)
	ta.create(t, "dup")
	res := ta.do(t, request{method: http.MethodPost, path: collectionURL, body: hookBody("dup", exampleSource)})
	mustProblem(t, res, 409, 10)
	if names := invalidNames(t, res, "invalidFields"); len(names) != 1 || names[0] != "name" {
		t.Errorf("invalidFields names = %v", names)
	}
	// The preloaded hook source's name is taken too.
	res = ta.do(t, request{method: http.MethodPost, path: collectionURL, body: hookBody("NetApp preloaded postgres", exampleSource)})
	mustProblem(t, res, 409, 10)
}

func TestConcurrentCreatesOfOneName(t *testing.T) {
	ta := newTestAPI(t)
	const n = 10
	codes := make(chan int, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes <- ta.do(t, request{method: http.MethodPost, path: collectionURL, body: hookBody("same", exampleSource)}).code
		}()
	}
	wg.Wait()
	close(codes)
	count := map[int]int{}
	for c := range codes {
		count[c]++
	}
	if count[201] != 1 || count[409] != n-1 {
		t.Errorf("status counts = %v, want one 201 and %d 409", count, n-1)
	}
}

func TestGetUnknownIsProblem2(t *testing.T) {
	ta := newTestAPI(t)
	mustProblem(t, ta.do(t, request{method: http.MethodGet, path: collectionURL + "/2d6154dd-6863-4a26-8017-6be092b8b0bd"}), 404, 2)
	mustProblem(t, ta.do(t, request{method: http.MethodGet, path: collectionURL + "/not-a-uuid"}), 404, 2)
}

func TestPreloadedHookSource(t *testing.T) {
	ta := newTestAPI(t)
	res := ta.do(t, request{method: http.MethodGet, path: preloadedURL, headers: map[string]string{"Accept": "application/astra-hookSource+json"}})
	if res.code != http.StatusOK {
		t.Fatalf("status %d", res.code)
	}
	if res.body["private"] != "true" || res.body["preloaded"] != "true" || res.body["description"] == nil {
		t.Errorf("preloaded body = %s", res.raw)
	}
	if _, ok := res.body["source"]; ok {
		t.Errorf("private hook source exposes its source: %s", res.raw)
	}
	if md5Re.FindString(res.body["sourceMD5Checksum"].(string)) == "" {
		t.Errorf("sourceMD5Checksum = %v", res.body["sourceMD5Checksum"])
	}
	put := ta.do(t, request{method: http.MethodPut, path: preloadedURL, body: `{"type":"application/astra-hookSource","version":"1.0","description":"mine"}`})
	mustProblem(t, put, 403, 71)
	mustProblem(t, ta.do(t, request{method: http.MethodDelete, path: preloadedURL}), 403, 71)
	if again := ta.do(t, request{method: http.MethodGet, path: preloadedURL}); again.body["description"] != res.body["description"] {
		t.Errorf("preloaded hook source changed: %s", again.raw)
	}
}

func TestUpdateHookSource(t *testing.T) {
	ta := newTestAPI(t)
	id := ta.create(t, "before")
	url := collectionURL + "/" + id
	created := ta.do(t, request{method: http.MethodGet, path: url})
	ta.clock = ta.clock.Add(time.Minute)

	newSource := base64.StdEncoding.EncodeToString([]byte("#!/bin/sh\necho after\n"))
	res := ta.do(t, request{method: http.MethodPut, path: url, body: `{"type":"application/astra-hookSource","version":"1.0","id":"` + id +
		`","name":"after","sourceType":"script","source":"` + newSource + `","description":"changed","private":"true","sourceMD5Checksum":"00000000000000000000000000000000","metadata":{"labels":[{"name":"a","value":"b"}],"createdBy":"` + systemUserID + `"}}`})
	if res.code != http.StatusNoContent || res.raw != "" {
		t.Fatalf("PUT: %d %q", res.code, res.raw)
	}
	got := ta.do(t, request{method: http.MethodGet, path: url})
	var want hookSource
	want.setSource(newSource)
	if got.body["name"] != "after" || got.body["source"] != newSource || got.body["description"] != "changed" {
		t.Errorf("after PUT: %s", got.raw)
	}
	if got.body["sourceMD5Checksum"] != want.sourceMD5 || want.sourceMD5 == exampleMD5 {
		t.Errorf("sourceMD5Checksum = %v, want %s", got.body["sourceMD5Checksum"], want.sourceMD5)
	}
	if got.body["private"] != "false" {
		t.Errorf("private is read-only, got %v", got.body["private"])
	}
	md := got.body["metadata"].(map[string]any)
	oldMD := created.body["metadata"].(map[string]any)
	if md["creationTimestamp"] != oldMD["creationTimestamp"] || md["createdBy"] != UserID {
		t.Errorf("creation metadata changed: %v", md)
	}
	if md["modificationTimestamp"] != "2025-03-04T05:07:07.123456Z" || md["modifiedBy"] != UserID {
		t.Errorf("modification metadata = %v", md)
	}
	if labels, _ := md["labels"].([]any); len(labels) != 1 {
		t.Errorf("labels = %v", md["labels"])
	}

	// Absent fields keep their values; "" clears the description.
	res = ta.do(t, request{method: http.MethodPut, path: url, body: `{"type":"application/astra-hookSource","version":"1.0","description":""}`})
	if res.code != http.StatusNoContent {
		t.Fatalf("second PUT: %d %s", res.code, res.raw)
	}
	got = ta.do(t, request{method: http.MethodGet, path: url})
	if got.body["name"] != "after" || got.body["source"] != newSource || got.body["description"] != "" {
		t.Errorf("after partial PUT: %s", got.raw)
	}
	if labels, _ := got.body["metadata"].(map[string]any)["labels"].([]any); len(labels) != 1 {
		t.Errorf("labels not preserved: %s", got.raw)
	}
}

func TestUpdateErrors(t *testing.T) {
	ta := newTestAPI(t)
	id := ta.create(t, "one")
	ta.create(t, "two")
	url := collectionURL + "/" + id
	put := func(body string) response {
		return ta.do(t, request{method: http.MethodPut, path: url, body: body})
	}
	minimal := `{"type":"application/astra-hookSource","version":"1.0"`

	res := put(minimal + `,"name":"two"}`)
	mustProblem(t, res, 409, 10)
	if names := invalidNames(t, res, "invalidFields"); names[0] != "name" {
		t.Errorf("invalidFields = %v", names)
	}
	if res := put(minimal + `,"name":"one"}`); res.code != http.StatusNoContent {
		t.Errorf("PUT keeping its own name: %d %s", res.code, res.raw)
	}
	res = put(minimal + `,"id":"2d6154dd-6863-4a26-8017-6be092b8b0bd"}`)
	mustProblem(t, res, 409, 10)
	mustProblem(t, put(`{"version":"1.0"}`), 400, 8)
	mustProblem(t, put(minimal+`,"name":""}`), 400, 9)
	mustProblem(t, put(minimal+`,"source":"!!"}`), 400, 9)
	mustProblem(t, put(`{`), 400, 7)
	mustProblem(t, ta.do(t, request{method: http.MethodPut, path: collectionURL + "/2d6154dd-6863-4a26-8017-6be092b8b0bd", body: minimal + "}"}), 404, 1)
	if got := ta.do(t, request{method: http.MethodGet, path: url}); got.body["name"] != "one" {
		t.Errorf("a refused PUT changed the resource: %s", got.raw)
	}
}

func TestDeleteHookSource(t *testing.T) {
	ta := newTestAPI(t)
	id := ta.create(t, "doomed")
	url := collectionURL + "/" + id
	res := ta.do(t, request{method: http.MethodDelete, path: url})
	if res.code != http.StatusNoContent || res.raw != "" {
		t.Fatalf("DELETE: %d %q", res.code, res.raw)
	}
	mustProblem(t, ta.do(t, request{method: http.MethodGet, path: url}), 404, 2)
	mustProblem(t, ta.do(t, request{method: http.MethodDelete, path: url}), 404, 1)
	// The name is free again.
	ta.create(t, "doomed")
}

func TestDeleteReferencedHookSource(t *testing.T) {
	ta := newTestAPI(t)
	id := ta.create(t, "used")
	ta.createExecHook(t, "user", PostgresID, id, nil)
	mustProblem(t, ta.do(t, request{method: http.MethodDelete, path: collectionURL + "/" + id}), 403, 72)
	if res := ta.do(t, request{method: http.MethodGet, path: collectionURL + "/" + id}); res.code != http.StatusOK {
		t.Errorf("referenced hook source was deleted: %d", res.code)
	}
}
