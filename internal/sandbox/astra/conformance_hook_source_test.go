package astra

import (
	"net/url"
	"strings"
	"testing"
)

func TestOpenAPIConformance(t *testing.T) {
	base, router := newConformanceServer(t, New(Options{}))

	var created string // ID of the hook source created by the first case
	const otherID = "2d6154dd-6863-4a26-8017-6be092b8b0bd"
	one := func() string { return collectionURL + "/" + created }
	minimalPut := `{"type":"application/astra-hookSource","version":"1.0"`

	cases := []conformanceCase{
		{name: "POST created", method: "POST", path: fixed(collectionURL), status: 201, reqValid: true,
			body: hookBody("Payroll script", exampleSource, `"description":"Pre and post hook script for payroll"`, `"metadata":{"labels":[{"name":"a","value":"b"}]}`)},
		{name: "POST second", method: "POST", path: fixed(collectionURL), status: 201, reqValid: true, body: hookBody("second", "")},
		{name: "POST duplicate", method: "POST", path: fixed(collectionURL), status: 409, problem: 10, reqValid: true, body: hookBody("Payroll script", exampleSource)},
		{name: "POST 64-char name", method: "POST", path: fixed(collectionURL), status: 400, problem: 9, body: hookBody(strings.Repeat("n", 64), exampleSource)},
		{name: "POST bad base64", method: "POST", path: fixed(collectionURL), status: 400, problem: 9, body: hookBody("x", "abc")},
		// source is {"$ref": type_base64_data, "maxLength": 131072}; OpenAPI
		// 3.0 ignores the siblings of a $ref, so the schema as written sets no
		// limit. Its description ("Maximum length: 131072 … 128 KiB when
		// encoded") and the sibling state the intent, which the sandbox
		// enforces; to kin-openapi the request conforms.
		{name: "POST oversize", method: "POST", path: fixed(collectionURL), status: 400, problem: 9, reqValid: true, body: hookBody("x", strings.Repeat("QUFB", 32768)+"QQ==")},
		{name: "POST description 512", method: "POST", path: fixed(collectionURL), status: 400, problem: 9, body: hookBody("x", exampleSource, `"description":"`+strings.Repeat("d", 512)+`"`)},
		// The spec's schemas cannot see inside the base64: these conform.
		{name: "POST carriage return", method: "POST", path: fixed(collectionURL), status: 400, problem: 9, reqValid: true, body: hookBody("x", b64("echo\r\n"))},
		{name: "POST binary", method: "POST", path: fixed(collectionURL), status: 400, problem: 9, reqValid: true, body: hookBody("x", b64("\x00\x01"))},
		{name: "POST unknown field", method: "POST", path: fixed(collectionURL), status: 400, problem: 8, body: hookBody("x", exampleSource, `"preloaded":"true"`)},
		{name: "POST missing source", method: "POST", path: fixed(collectionURL), status: 400, problem: 8, body: `{"type":"application/astra-hookSource","version":"1.0","name":"x","sourceType":"script"}`},
		{name: "POST invalid JSON", method: "POST", path: fixed(collectionURL), status: 400, problem: 7, body: `{"type":`},
		{name: "POST no token", method: "POST", path: fixed(collectionURL), status: 401, problem: 3, noAuth: true, body: hookBody("y", exampleSource)},
		{name: "POST wrong token", method: "POST", path: fixed(collectionURL), status: 401, problem: 4, reqValid: true, token: "nope", body: hookBody("y", exampleSource)},
		{name: "POST wrong account", method: "POST", path: fixed("/accounts/" + otherID + "/core/v1/hookSources"), status: 404, problem: 2, reqValid: true, body: hookBody("y", exampleSource)},

		{name: "GET list", method: "GET", path: fixed(collectionURL), status: 200, reqValid: true},
		{name: "GET list include limit filter", method: "GET", status: 200, reqValid: true,
			path: fixed(collectionURL + "?include=id,name,source&limit=5&filter=" + url.QueryEscape("preloaded eq 'false'"))},
		{name: "GET list limit 0", method: "GET", path: fixed(collectionURL + "?limit=0"), status: 400, problem: 5},
		{name: "GET list bad include", method: "GET", path: fixed(collectionURL + "?include=metadata.labels"), status: 400, problem: 5},
		{name: "GET list bad filter", method: "GET", path: fixed(collectionURL + "?filter=name"), status: 400, problem: 5, reqValid: true},
		// kin-openapi ignores undeclared query parameters, so the request passes.
		{name: "GET list orderBy", method: "GET", path: fixed(collectionURL + "?orderBy=name"), status: 400, problem: 6, reqValid: true},
		{name: "GET list no token", method: "GET", path: fixed(collectionURL), status: 401, problem: 3, noAuth: true},
		{name: "GET list wrong account", method: "GET", path: fixed("/accounts/" + otherID + "/core/v1/hookSources"), status: 404, problem: 2, reqValid: true},

		{name: "GET one", method: "GET", path: one, status: 200, reqValid: true},
		{name: "GET preloaded", method: "GET", path: fixed(preloadedURL), status: 200, reqValid: true},
		{name: "GET unknown", method: "GET", path: fixed(collectionURL + "/" + otherID), status: 404, problem: 2, reqValid: true},
		{name: "GET one wrong token", method: "GET", path: one, status: 401, problem: 4, reqValid: true, token: "nope"},

		{name: "PUT", method: "PUT", path: one, status: 204, reqValid: true,
			body: minimalPut + `,"name":"Payroll v2","sourceType":"script","source":"` + b64("echo v2") + `","description":"v2","metadata":{"labels":[]}}`},
		{name: "PUT duplicate name", method: "PUT", path: one, status: 409, problem: 10, reqValid: true, body: minimalPut + `,"name":"second"}`},
		{name: "PUT preloaded", method: "PUT", path: fixed(preloadedURL), status: 403, problem: 71, reqValid: true, body: minimalPut + `,"description":"x"}`},
		{name: "PUT unknown", method: "PUT", path: fixed(collectionURL + "/" + otherID), status: 404, problem: 1, reqValid: true, body: minimalPut + `}`},
		{name: "PUT missing version", method: "PUT", path: one, status: 400, problem: 8, body: `{"type":"application/astra-hookSource"}`},
		{name: "PUT empty name", method: "PUT", path: one, status: 400, problem: 9, body: minimalPut + `,"name":""}`},
		{name: "PUT no token", method: "PUT", path: one, status: 401, problem: 3, noAuth: true, body: minimalPut + `}`},

		{name: "DELETE preloaded", method: "DELETE", path: fixed(preloadedURL), status: 403, problem: 71, reqValid: true},
		{name: "DELETE", method: "DELETE", path: one, status: 204, reqValid: true},
		{name: "DELETE again", method: "DELETE", path: one, status: 404, problem: 1, reqValid: true},
		{name: "GET deleted", method: "GET", path: one, status: 404, problem: 2, reqValid: true},
		{name: "DELETE no token", method: "DELETE", path: fixed(preloadedURL), status: 401, problem: 3, noAuth: true},
	}
	cases[0].capture = func(res map[string]any) { created, _ = res["id"].(string) }
	for _, tc := range cases {
		checkConformance(t, router, base, tc)
	}
	if created == "" {
		t.Fatal("the first POST created nothing")
	}
}
