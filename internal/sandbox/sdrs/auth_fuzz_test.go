package sdrs

import (
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/signer"
	sdkrequest "github.com/huaweicloud/huaweicloud-sdk-go-v3/core/request"
)

// The sandbox verifies SDK-HMAC-SHA256 signatures with an implementation of
// its own (auth.go). Two properties hold for any input: nothing in it
// panics, and a request that the official SDK's signer signed, sent over
// HTTP, always verifies. The seeds are in testdata/fuzz/<target>/.

// FuzzCanonicalRequest signs, with the SDK's signer, a request whose last
// path segment, one query parameter, one signed header and the body come
// from the fuzzer, sends it to a server that verifies it as the gateway
// does, and fails when the signature is refused. The canonical parts are
// also computed from the raw inputs, which must not panic.
func FuzzCanonicalRequest(f *testing.F) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		at, _ := time.Parse(sdkDateFormat, r.Header.Get(headerSdkDate))
		if e := verifySignature(r, body, at, map[string]string{AccessKey: SecretKey}); e != nil {
			http.Error(w, e.message, http.StatusUnauthorized)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	f.Cleanup(srv.Close)
	client := srv.Client()
	client.Timeout = 10 * time.Second
	f.Fuzz(func(t *testing.T, method, segment, key, value, header string, body []byte) {
		_ = canonicalURI(segment)
		_ = canonicalQuery(key + "=" + value)
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("X-Fuzz", header)
		_ = canonicalHeaders(r, []string{"x-fuzz", "host", key})
		if key == "" || !validMethod(method) {
			return // a nameless parameter cannot be sent (the SDK's query drops it); other methods are not the API's
		}
		req := sdkrequest.NewHttpRequestBuilder().
			WithEndpoint(srv.URL).
			WithPath("/v1/"+ProjectID+"/"+segment).
			WithMethod(method).
			AddQueryParam(key, reflect.ValueOf(value)).
			AddHeaderParam("Content-Type", "application/json;charset=UTF-8").
			AddHeaderParam("X-Project-Id", ProjectID).
			AddHeaderParam("X-Fuzz", header).
			WithBody("body", string(body)).
			Build()
		extra, err := signer.Sign(req, AccessKey, SecretKey)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range extra {
			req.AddHeaderParam(k, v)
		}
		hr, err := req.ConvertRequest()
		if err != nil {
			return
		}
		res, err := client.Do(hr)
		if err != nil {
			return // net/http refuses to send it (a header value with a control character)
		}
		msg, _ := io.ReadAll(res.Body)
		_ = res.Body.Close()
		if res.StatusCode == http.StatusUnauthorized {
			t.Fatalf("a request signed by the SDK was refused: %s\nmethod %q path %q query %q header %q body %q",
				msg, method, hr.URL.Path, hr.URL.RawQuery, header, body)
		}
	})
}

// validMethod reports whether m is one of the methods the SDRS API serves.
func validMethod(m string) bool {
	switch m {
	case http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete:
		return true
	}
	return false
}

// FuzzParseAuthorization parses any Authorization header without
// panicking; a header it accepts has an access key, a signature and
// signed headers, and renders back to a header that parses the same.
func FuzzParseAuthorization(f *testing.F) {
	f.Fuzz(func(t *testing.T, header string) {
		a, ok := parseAuthorization(header)
		if !ok {
			return
		}
		if a.accessKey == "" || a.signature == "" || len(a.signedHeaders) == 0 {
			t.Fatalf("accepted %q as %+v", header, a)
		}
		again, ok := parseAuthorization(a.algorithm + " Access=" + a.accessKey + ", SignedHeaders=" + strings.Join(a.signedHeaders, ";") +
			", Signature=" + a.signature)
		if !ok || !reflect.DeepEqual(again, a) {
			t.Fatalf("%q parsed as %+v, rendered back as %+v (%v)", header, a, again, ok)
		}
	})
}
