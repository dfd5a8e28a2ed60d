package sdrs

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// AK/SK request signing as Huawei Cloud's API gateway verifies it
// (SDK-HMAC-SHA256, sdrs.md §4.1). This is an implementation of its
// own, written from the algorithm's description: the sandbox does not use
// the SDK's signer, so that a misreading of the algorithm on one side shows
// as a refused request instead of hiding in shared code.
const (
	signAlgorithm     = "SDK-HMAC-SHA256"
	headerSdkDate     = "X-Sdk-Date"
	headerContentHash = "X-Sdk-Content-Sha256"
	sdkDateFormat     = "20060102T150405Z"
	// maxClockSkew is how far X-Sdk-Date may be from the gateway's clock.
	maxClockSkew = 15 * time.Minute
)

// authorization is a parsed Authorization header.
type authorization struct {
	algorithm     string
	accessKey     string
	signedHeaders []string
	signature     string
}

// parseAuthorization parses
// "SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex".
func parseAuthorization(header string) (authorization, bool) {
	var a authorization
	alg, rest, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok {
		return a, false
	}
	a.algorithm = alg
	for _, part := range strings.Split(rest, ",") {
		key, value, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return a, false
		}
		switch key {
		case "Access":
			a.accessKey = value
		case "SignedHeaders":
			if value != "" {
				a.signedHeaders = strings.Split(value, ";")
			}
		case "Signature":
			a.signature = value
		default:
			return a, false
		}
	}
	return a, a.accessKey != "" && a.signature != "" && len(a.signedHeaders) > 0
}

// verifySignature checks the request's AK/SK signature against now and
// returns the gateway's refusal, or nil. body is the request body; keys
// maps each access key the emulator knows to its secret key.
func verifySignature(r *http.Request, body []byte, now time.Time, keys map[string]string) *gatewayError {
	header := r.Header.Get("Authorization")
	if header == "" {
		if r.Header.Get("X-Auth-Token") != "" {
			// The sandbox issues no IAM tokens: only AK/SK signing is accepted.
			return authFailed("decrypt token fail")
		}
		return authFailed("x-auth-token not found")
	}
	auth, ok := parseAuthorization(header)
	if !ok {
		return authFailed("verify aksk signature fail, malformed Authorization header")
	}
	if auth.algorithm != signAlgorithm {
		return authFailed(fmt.Sprintf("verify aksk signature fail, unsupported signing algorithm %q", auth.algorithm))
	}
	secret, known := keys[auth.accessKey]
	if !known {
		return authFailed(fmt.Sprintf("Get secretKey failed,ak:%s,err:ak not exist", auth.accessKey))
	}
	for _, h := range auth.signedHeaders {
		if h != strings.ToLower(h) || h == "" {
			return authFailed("verify aksk signature fail, SignedHeaders must be lower-case header names")
		}
	}
	if !slices.Contains(auth.signedHeaders, strings.ToLower(headerSdkDate)) {
		return authFailed("verify aksk signature fail, x-sdk-date is not signed")
	}
	date := r.Header.Get(headerSdkDate)
	signedAt, err := time.Parse(sdkDateFormat, date)
	if err != nil {
		return authFailed(fmt.Sprintf("verify aksk signature fail, invalid x-sdk-date %q (want %s)", date, sdkDateFormat))
	}
	if skew := now.Sub(signedAt); skew > maxClockSkew || skew < -maxClockSkew {
		return authFailed(fmt.Sprintf("verify aksk signature fail, x-sdk-date %s is more than 15 minutes from the server time %s",
			date, now.UTC().Format(sdkDateFormat)))
	}
	want := signature(secret, date, canonicalRequest(r, auth.signedHeaders, body))
	got, err := hex.DecodeString(auth.signature)
	if err != nil || !hmac.Equal(got, want) {
		return authFailed("verify aksk signature fail")
	}
	return nil
}

// signature is HMAC-SHA256(secret, string to sign), the string to sign
// being the algorithm, the date and the hex SHA-256 of the canonical
// request, one per line.
func signature(secret, date, canonical string) []byte {
	sum := sha256.Sum256([]byte(canonical))
	toSign := signAlgorithm + "\n" + date + "\n" + hex.EncodeToString(sum[:])
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(toSign))
	return mac.Sum(nil)
}

// canonicalRequest is, one per line: the method, the canonical URI, the
// canonical query, the canonical headers (each "name:value" line, then an
// empty line), the signed header names joined by ";", and the payload hash.
func canonicalRequest(r *http.Request, signedHeaders []string, body []byte) string {
	return strings.Join([]string{
		r.Method,
		canonicalURI(r.URL.Path),
		canonicalQuery(r.URL.RawQuery),
		canonicalHeaders(r, signedHeaders),
		strings.Join(signedHeaders, ";"),
		payloadHash(r, body),
	}, "\n")
}

// canonicalURI escapes each segment of the decoded path and ends it with a
// slash.
func canonicalURI(path string) string {
	segments := strings.Split(path, "/")
	for i, s := range segments {
		segments[i] = uriEscape(s)
	}
	uri := strings.Join(segments, "/")
	if !strings.HasSuffix(uri, "/") {
		uri += "/"
	}
	return uri
}

// canonicalQuery sorts the decoded parameters by name, then value, and
// escapes both: "a=1&b=x%20y".
func canonicalQuery(raw string) string {
	values, err := url.ParseQuery(raw)
	if err != nil {
		return raw // an unparsable query cannot match a signature
	}
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	slices.Sort(names)
	var pairs []string
	for _, name := range names {
		vs := slices.Clone(values[name])
		slices.Sort(vs)
		for _, v := range vs {
			pairs = append(pairs, uriEscape(name)+"="+uriEscape(v))
		}
	}
	return strings.Join(pairs, "&")
}

// canonicalHeaders renders each signed header as "name:value" (the value
// trimmed; a repeated header gives one line per value, sorted), each line
// ended by a newline.
func canonicalHeaders(r *http.Request, signedHeaders []string) string {
	var b strings.Builder
	for _, name := range signedHeaders {
		var values []string
		if name == "host" {
			values = []string{r.Host}
		} else {
			values = slices.Clone(r.Header.Values(name))
		}
		slices.Sort(values)
		for _, v := range values {
			b.WriteString(name + ":" + strings.TrimSpace(v) + "\n")
		}
	}
	return b.String()
}

// payloadHash is the hex SHA-256 of the body, unless the client declared
// the payload unsigned in X-Sdk-Content-Sha256.
func payloadHash(r *http.Request, body []byte) string {
	if v := r.Header.Get(headerContentHash); v != "" {
		return v
	}
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

// uriEscape percent-encodes every byte except the unreserved characters
// A-Z a-z 0-9 - _ . ~ (RFC 3986), with upper-case hex digits.
func uriEscape(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '_', c == '.', c == '~':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}
