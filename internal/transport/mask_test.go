package transport

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestMaskJSONBody(t *testing.T) {
	m := newMasker(nil)
	in := `{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"u","password":"hunter2"}}}},` +
		`"Token":"t1","token":{"id":"x"},"apiToken":"a1","secretKey":"s1","application_credential_secret":"c1",` +
		`"db_password":"p1","passwords":["p2","p3"],"count":3,"password_set":null}`
	got := m.Body([]byte(in), "application/json", false)
	for _, s := range []string{"hunter2", `"t1"`, "a1", "s1", "c1", "p1", "p2", "p3"} {
		if strings.Contains(got, s) {
			t.Errorf("%s not masked in %s", s, got)
		}
	}
	for _, s := range []string{`"methods":["password"]`, `"name":"u"`, `"id":"x"`, `"count":3`, `"password_set":null`} {
		if !strings.Contains(got, s) {
			t.Errorf("%s missing from %s", s, got)
		}
	}
}

func TestMaskTruncatedJSON(t *testing.T) {
	m := newMasker(nil)
	got := m.Body([]byte(`{"user":"u","secret_key" : "abc\"def","password":"hunt`), "", true)
	want := `{"user":"u","secret_key" : "***","password":"***"`
	if got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}

func TestMaskFormAndQuery(t *testing.T) {
	m := newMasker(nil)
	if got := m.Body([]byte("user=u&password=p%26w&sk=1"), "application/x-www-form-urlencoded", false); got != "user=u&password=***&sk=***" {
		t.Errorf("form: %s", got)
	}
	u, _ := url.Parse("https://admin:pw@example.com/p?Token=t&a=1&client_secret=c")
	if got := m.URL(u); got != "https://admin:***@example.com/p?Token=***&a=1&client_secret=***" {
		t.Errorf("url: %s", got)
	}
}

func TestMaskHeaders(t *testing.T) {
	m := newMasker([]string{"lit"})
	h := http.Header{
		"Authorization":    {"Bearer x"},
		"X-Auth-Token":     {"x"},
		"X-Security-Token": {"x"},
		"X-Api-Key":        {"x"},
		"Cookie":           {"x"},
		"Content-Type":     {"application/json"},
		"X-Note":           {"has lit inside"},
	}
	got := m.Headers(h)
	for _, k := range []string{"Authorization", "X-Auth-Token", "X-Security-Token", "X-Api-Key", "Cookie"} {
		if got[k] != masked {
			t.Errorf("%s = %q, want masked", k, got[k])
		}
	}
	if got["Content-Type"] != "application/json" || got["X-Note"] != "has *** inside" {
		t.Errorf("unexpected %v", got)
	}
}

func TestMaskLiteralForms(t *testing.T) {
	secret := `a/b+c"d`
	m := newMasker([]string{secret, ""})
	for _, form := range []string{secret, url.QueryEscape(secret), url.PathEscape(secret), `a/b+c\"d`} {
		if got := m.String("x" + form + "y"); got != "x***y" {
			t.Errorf("%q: got %q", form, got)
		}
	}
	if got := m.String("nothing"); got != "nothing" {
		t.Errorf("got %q", got)
	}
}
