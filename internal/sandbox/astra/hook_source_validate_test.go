package astra

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"
)

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func TestCreateValidation(t *testing.T) {
	// 131073 characters of otherwise valid-looking base64.
	oversize := strings.Repeat("QUFB", 131072/4) + "Q"
	tests := []struct {
		name    string
		body    string
		code    int
		problem int
		field   string // the invalidFields name, for problems 9 and 10
		reason  string // a substring of the invalidFields reason, when set
	}{
		{"invalid JSON", `{"type":`, 400, 7, "", ""},
		{"empty body", ``, 400, 7, "", ""},
		{"JSON array", `[]`, 400, 8, "", ""},
		{"JSON null", `null`, 400, 8, "", ""},
		{"unknown field", hookBody("x", exampleSource, `"private":"true"`), 400, 8, "", ""},
		{"another unknown field", hookBody("x", exampleSource, `"colour":"red"`), 400, 8, "", ""},
		{"missing source", `{"type":"application/astra-hookSource","version":"1.0","name":"x","sourceType":"script"}`, 400, 8, "", ""},
		{"missing name", `{"type":"application/astra-hookSource","version":"1.0","sourceType":"script","source":""}`, 400, 8, "", ""},
		{"wrong type", strings.Replace(hookBody("x", exampleSource), "astra-hookSource", "astra-appMirror", 1), 400, 8, "", ""},
		{"wrong version", strings.Replace(hookBody("x", exampleSource), `"1.0"`, `"1.1"`, 1), 400, 8, "", ""},
		{"name not a string", strings.Replace(hookBody("x", exampleSource), `"x"`, `7`, 1), 400, 8, "", ""},
		{"null description", hookBody("x", exampleSource, `"description":null`), 400, 8, "", ""},
		{"metadata not an object", hookBody("x", exampleSource, `"metadata":[]`), 400, 8, "", ""},
		{"label with extra key", hookBody("x", exampleSource, `"metadata":{"labels":[{"name":"a","value":"b","c":"d"}]}`), 400, 8, "", ""},
		{"empty name", hookBody("", exampleSource), 400, 9, "name", ""},
		{"64-char name", hookBody(strings.Repeat("n", 64), exampleSource), 400, 9, "name", ""},
		{"wrong sourceType", strings.Replace(hookBody("x", exampleSource), `"script"`, `"python"`, 1), 400, 9, "sourceType", ""},
		{"bad base64", hookBody("x", "not base64!"), 400, 9, "source", ""},
		{"base64 without padding", hookBody("x", "ZWNobw"), 400, 9, "source", ""},
		{"base64 with newline", hookBody("x", b64("echo one two three four five six seven eight nine ten")[:12]+"\n"+b64("abc")), 400, 9, "source", ""},
		{"carriage return", hookBody("x", b64("#!/bin/sh\r\necho hi\r\n")), 400, 9, "source", "carriage-return"},
		{"lone carriage return", hookBody("x", b64("echo hi\r")), 400, 9, "source", "carriage-return"},
		{"NUL byte", hookBody("x", b64("#!/bin/sh\x00echo")), 400, 9, "source", "binary"},
		{"invalid UTF-8", hookBody("x", base64.StdEncoding.EncodeToString([]byte{0xff, 0xfe, 'a'})), 400, 9, "source", "binary"},
		{"escape character", hookBody("x", b64("echo \x1b[31mred")), 400, 9, "source", ""},
		{"oversize 131073", hookBody("x", oversize), 400, 9, "source", ""},
		{"description 512", hookBody("x", exampleSource, `"description":"`+strings.Repeat("d", 512)+`"`), 400, 9, "description", ""},
		{"bad creationTimestamp", hookBody("x", exampleSource, `"metadata":{"creationTimestamp":"2024-02-01 00:00:00"}`), 400, 9, "metadata.creationTimestamp", ""},
		{"duplicate labels", hookBody("x", exampleSource, `"metadata":{"labels":[{"name":"a","value":"b"},{"name":"a","value":"b"}]}`), 400, 9, "metadata.labels", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ta := newTestAPI(t)
			res := ta.do(t, request{method: http.MethodPost, path: collectionURL, body: tt.body,
				headers: map[string]string{"Content-Type": "application/astra-hookSource+json"}})
			mustProblem(t, res, tt.code, tt.problem)
			switch tt.problem {
			case 8:
				if s, _ := res.body["schemaValidationFailure"].(string); s == "" {
					t.Errorf("schemaValidationFailure missing: %s", res.raw)
				}
			case 9, 10:
				names := invalidNames(t, res, "invalidFields")
				if len(names) != 1 || names[0] != tt.field {
					t.Errorf("invalidFields names = %v, want [%s]", names, tt.field)
				}
				if tt.reason != "" && !strings.Contains(res.raw, tt.reason) {
					t.Errorf("reason lacks %q: %s", tt.reason, res.raw)
				}
			}
			if list := ta.do(t, request{method: http.MethodGet, path: collectionURL}); len(list.body["items"].([]any)) != 1 {
				t.Errorf("a refused POST created a resource: %s", list.raw)
			}
		})
	}
}

func TestCreateValidationBoundaries(t *testing.T) {
	ta := newTestAPI(t)
	maxSource := strings.Repeat("QUFB", 131072/4) // exactly 131072 characters
	ok := []string{
		hookBody(strings.Repeat("n", 63), exampleSource),
		hookBody("empty source", ""),
		hookBody("max source", maxSource),
		hookBody("tabs and unicode", b64("#!/bin/sh\n\techo 'héllo ✓'\n")),
		hookBody("description 511", exampleSource, `"description":"`+strings.Repeat("d", 511)+`"`),
		hookBody("unicode name ✓", exampleSource, `"metadata":{"labels":[],"creationTimestamp":"2024-02-01T00:00:00.5Z"}`),
	}
	for _, body := range ok {
		if res := ta.do(t, request{method: http.MethodPost, path: collectionURL, body: body}); res.code != http.StatusCreated {
			t.Errorf("status %d for %.80s: %s", res.code, body, res.raw)
		}
	}
}

func TestSeveralInvalidFieldsAreAllNamed(t *testing.T) {
	ta := newTestAPI(t)
	body := strings.Replace(hookBody("", "@@"), `"script"`, `"perl"`, 1)
	res := ta.do(t, request{method: http.MethodPost, path: collectionURL, body: body})
	mustProblem(t, res, 400, 9)
	names := strings.Join(invalidNames(t, res, "invalidFields"), ",")
	if names != "name,sourceType,source" {
		t.Errorf("invalidFields = %s", names)
	}
}
