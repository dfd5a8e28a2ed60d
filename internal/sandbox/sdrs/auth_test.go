package sdrs

import (
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// A request signed by the official SDK's signer (huaweicloud-sdk-go-v3
// v0.1.207 core/auth/signer, run once to produce this vector): the
// sandbox's own implementation must compute the same signature.
func TestSignatureMatchesTheSDKSigner(t *testing.T) {
	const project = "0123456789abcdef0123456789abcdef"
	r := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:8787/v1/"+project+"/server-groups?limit=10&name=a%20b%2Fc",
		strings.NewReader("{\"server_group\":{\"name\":\"x\"}}\n"))
	r.Header.Set("Content-Type", "application/json;charset=UTF-8")
	r.Header.Set("User-Agent", "huaweicloud-usdk-go/3.0; test")
	r.Header.Set("X-Project-Id", project)
	r.Header.Set("X-Sdk-Date", "20260102T030405Z")
	got := signature("SKEXAMPLE", "20260102T030405Z",
		canonicalRequest(r, []string{"user-agent", "x-project-id", "x-sdk-date"}, []byte("{\"server_group\":{\"name\":\"x\"}}\n")))
	const want = "261563d7e0259c54a790729e8c802e378b6cc8fe03eec952df1fe94ba0fc0765"
	if hex.EncodeToString(got) != want {
		t.Fatalf("signature = %x, want the SDK's %s", got, want)
	}
}

func TestCanonicalParts(t *testing.T) {
	if got := canonicalURI("/v1/p/server-groups"); got != "/v1/p/server-groups/" {
		t.Errorf("canonicalURI = %q", got)
	}
	if got := canonicalURI("/v1/a b/x~y"); got != "/v1/a%20b/x~y/" {
		t.Errorf("canonicalURI escapes = %q", got)
	}
	if got := canonicalQuery("b=2&a=x+y&a=1&c"); got != "a=1&a=x%20y&b=2&c=" {
		t.Errorf("canonicalQuery = %q", got)
	}
}

func TestSignatureGoodIsAccepted(t *testing.T) {
	ta := newTestAPI(t)
	mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/active-domains"}))
	mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/server-groups?limit=5&name=a%20b"}))
	mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/server-groups", body: createGroupBody("signed", "")}))
}

// Every refusal is the gateway's 401 APIGW.0301 with its message.
func TestSignatureRefusals(t *testing.T) {
	for _, tc := range []struct {
		name    string
		req     request
		message string
	}{
		{"missing", request{unsigned: true}, "x-auth-token not found"},
		{"token instead of AK/SK", request{unsigned: true, mutate: func(r *http.Request) { r.Header.Set("X-Auth-Token", "MIIx") }}, "decrypt token fail"},
		{"malformed header", request{mutate: func(r *http.Request) { r.Header.Set("Authorization", "SDK-HMAC-SHA256 garbage") }}, "malformed Authorization"},
		{"other algorithm", request{mutate: func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), signAlgorithm, "SDK-HMAC-SM3", 1))
		}}, "unsupported signing algorithm"},
		{"unknown access key", request{mutate: func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), AccessKey, "NOTAKEY0000000000000", 1))
		}}, "ak:NOTAKEY0000000000000,err:ak not exist"},
		{"wrong secret key", request{mutate: func(r *http.Request) {
			sign(r, nil, "not-the-secret", time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC))
		}}, "verify aksk signature fail"},
		{"tampered path", request{mutate: func(r *http.Request) { r.URL.Path = strings.Replace(r.URL.Path, "active-domains", "server-groups", 1) }}, "verify aksk signature fail"},
		{"tampered query", request{mutate: func(r *http.Request) { r.URL.RawQuery = "limit=2" }}, "verify aksk signature fail"},
		{"tampered signed header", request{mutate: func(r *http.Request) { r.Header.Set("X-Project-Id", ProjectID+"0") }}, "verify aksk signature fail"},
		{"tampered signature", request{mutate: func(r *http.Request) {
			h := r.Header.Get("Authorization")
			last := h[len(h)-1]
			flipped := byte('0')
			if last == '0' {
				flipped = '1'
			}
			r.Header.Set("Authorization", h[:len(h)-1]+string(flipped))
		}}, "verify aksk signature fail"},
		{"date not signed", request{mutate: func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), ";x-sdk-date", "", 1))
		}}, "x-sdk-date is not signed"},
		{"date malformed", request{mutate: func(r *http.Request) { r.Header.Set(headerSdkDate, "2026-03-04T05:06:07Z") }}, "invalid x-sdk-date"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ta := newTestAPI(t)
			tc.req.method, tc.req.path = http.MethodGet, "~/active-domains"
			res := ta.do(t, tc.req)
			expectError(t, res, http.StatusUnauthorized, "APIGW.0301")
			msg, _ := res.body["error_msg"].(string)
			if !strings.HasPrefix(msg, "Incorrect IAM authentication information: ") || !strings.Contains(msg, tc.message) {
				t.Errorf("error_msg = %q, want it to mention %q", msg, tc.message)
			}
			if res.body["request_id"] == "" || res.body["request_id"] == nil {
				t.Errorf("no request_id: %s", res.raw)
			}
		})
	}
}

func TestSignatureTamperedBodyIsRefused(t *testing.T) {
	ta := newTestAPI(t)
	res := ta.do(t, request{method: http.MethodPost, path: "~/server-groups", body: createGroupBody("original", ""),
		mutate: func(r *http.Request) {
			tampered := createGroupBody("tampered", "")
			r.Body = ioNopCloser(tampered)
			r.ContentLength = int64(len(tampered))
		}})
	expectError(t, res, http.StatusUnauthorized, "APIGW.0301")
	// Nothing was created.
	list := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/server-groups"}))
	if list.body["count"] != float64(0) {
		t.Fatalf("a group was created from a tampered request: %s", list.raw)
	}
}

// X-Sdk-Date may be at most 15 minutes from the server's clock, either way.
func TestSignatureStaleIsRefused(t *testing.T) {
	for _, tc := range []struct {
		name   string
		offset time.Duration
		ok     bool
	}{
		{"14 minutes old", -14 * time.Minute, true},
		{"16 minutes old", -16 * time.Minute, false},
		{"14 minutes ahead", 14 * time.Minute, true},
		{"16 minutes ahead", 16 * time.Minute, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ta := newTestAPI(t)
			signedAt := ta.clock.Add(tc.offset)
			res := ta.do(t, request{method: http.MethodGet, path: "~/active-domains", unsigned: true,
				mutate: func(r *http.Request) { sign(r, nil, SecretKey, signedAt) }})
			if tc.ok {
				mustOK(t, res)
				return
			}
			expectError(t, res, http.StatusUnauthorized, "APIGW.0301")
			if msg, _ := res.body["error_msg"].(string); !strings.Contains(msg, "more than 15 minutes") {
				t.Errorf("error_msg = %q", msg)
			}
		})
	}
}
