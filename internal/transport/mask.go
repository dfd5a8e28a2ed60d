package transport

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
)

const masked = "***"

// sensitiveKeys are JSON keys and query/form parameter names (lower case)
// whose scalar values are masked. Keys containing "password" or "secret"
// are masked as well.
var sensitiveKeys = map[string]bool{
	"token":                         true,
	"api_token":                     true,
	"apitoken":                      true,
	"access_token":                  true,
	"refresh_token":                 true,
	"id_token":                      true,
	"auth_token":                    true,
	"sk":                            true,
	"secret_key":                    true,
	"secretkey":                     true,
	"private_key":                   true,
	"privatekey":                    true,
	"passphrase":                    true,
	"application_credential_secret": true,
}

func sensitiveKey(k string) bool {
	l := strings.ToLower(k)
	return sensitiveKeys[l] || strings.Contains(l, "password") || strings.Contains(l, "secret")
}

// sensitiveHeaders are masked in full (canonical names in lower case).
var sensitiveHeaders = map[string]bool{
	"authorization":       true,
	"proxy-authorization": true,
	"cookie":              true,
	"set-cookie":          true,
	"x-auth-token":        true,
	"x-subject-token":     true,
}

func sensitiveHeader(name string) bool {
	l := strings.ToLower(name)
	if sensitiveHeaders[l] {
		return true
	}
	for _, s := range []string{"token", "secret", "password", "api-key", "apikey"} {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// masker removes secrets from logged text.
type masker struct {
	literals *strings.Replacer // nil when there are no literal secrets.
}

// newMasker masks each secret literally and in its URL- and JSON-escaped
// forms, longest first.
func newMasker(secrets []string) *masker {
	seen := map[string]bool{}
	var lits []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			lits = append(lits, s)
		}
	}
	for _, s := range secrets {
		add(s)
		add(url.QueryEscape(s))
		add(url.PathEscape(s))
		if b, err := json.Marshal(s); err == nil {
			add(string(b[1 : len(b)-1]))
		}
	}
	if len(lits) == 0 {
		return &masker{}
	}
	sort.SliceStable(lits, func(i, j int) bool { return len(lits[i]) > len(lits[j]) })
	pairs := make([]string, 0, 2*len(lits))
	for _, l := range lits {
		pairs = append(pairs, l, masked)
	}
	return &masker{literals: strings.NewReplacer(pairs...)}
}

// String masks the literal secrets in s.
func (m *masker) String(s string) string {
	if m == nil || m.literals == nil {
		return s
	}
	return m.literals.Replace(s)
}

// URL renders u with its password, sensitive query parameters and literal
// secrets masked.
func (m *masker) URL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.RawQuery = maskQuery(c.RawQuery)
	s := c.Redacted() // user:xxxxx@ (escaping would turn "***" into %2A%2A%2A).
	if _, has := c.User.Password(); has {
		s = strings.Replace(s, ":xxxxx@", ":"+masked+"@", 1)
	}
	return m.String(s)
}

// Headers renders h as a map, masking sensitive headers entirely and literal
// secrets in every other value.
func (m *masker) Headers(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for k, vs := range h {
		if sensitiveHeader(k) {
			out[k] = masked
			continue
		}
		out[k] = m.String(strings.Join(vs, ", "))
	}
	return out
}

// Body masks a textual body. truncated tells that b is only a prefix, so
// structured JSON parsing is not attempted.
func (m *masker) Body(b []byte, contentType string, truncated bool) string {
	s := string(b)
	trimmed := bytes.TrimSpace(b)
	switch {
	case len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '['):
		if out, ok := maskJSONDocument(b, truncated); ok {
			s = out
		} else {
			s = maskJSONPairs(s)
		}
	case mediaType(contentType) == "application/x-www-form-urlencoded":
		s = maskQuery(s)
	}
	return m.String(s)
}

func mediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(contentType))
	}
	return mt
}

// maskJSONDocument parses b as one JSON document and masks it structurally.
func maskJSONDocument(b []byte, truncated bool) (string, bool) {
	if truncated {
		return "", false
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return "", false
	}
	if _, err := dec.Token(); err != io.EOF {
		return "", false
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(maskJSON(v, false)); err != nil {
		return "", false
	}
	return strings.TrimSuffix(buf.String(), "\n"), true
}

// maskJSON masks non-null scalars found under a sensitive key (directly or
// inside an array); objects are walked so that their own keys decide.
func maskJSON(v any, sensitive bool) any {
	switch t := v.(type) {
	case map[string]any:
		for k, val := range t {
			t[k] = maskJSON(val, sensitiveKey(k))
		}
		return t
	case []any:
		for i := range t {
			t[i] = maskJSON(t[i], sensitive)
		}
		return t
	case nil:
		return nil
	default:
		if sensitive {
			return masked
		}
		return v
	}
}

// jsonPairRe matches `"key": scalar` pairs, tolerating a string cut short by
// truncation.
var jsonPairRe = regexp.MustCompile(
	`"((?:[^"\\]|\\.)*)"(\s*:\s*)("(?:[^"\\]|\\.)*"?|-?[0-9][0-9.eE+-]*|true|false)`)

// maskJSONPairs masks sensitive pairs in text that is not a complete JSON
// document (for example a truncated body).
func maskJSONPairs(s string) string {
	var out strings.Builder
	last := 0
	for _, loc := range jsonPairRe.FindAllStringSubmatchIndex(s, -1) {
		key := s[loc[2]:loc[3]]
		if !sensitiveKey(key) {
			continue
		}
		out.WriteString(s[last:loc[6]])
		out.WriteString(`"` + masked + `"`)
		last = loc[7]
	}
	if last == 0 {
		return s
	}
	out.WriteString(s[last:])
	return out.String()
}

// maskQuery masks sensitive parameters of a query string or form body,
// keeping the original order and encoding of everything else.
func maskQuery(raw string) string {
	if raw == "" {
		return raw
	}
	parts := strings.Split(raw, "&")
	changed := false
	for i, part := range parts {
		key, _, hasValue := strings.Cut(part, "=")
		if uk, err := url.QueryUnescape(key); err == nil {
			key = uk
		}
		if hasValue && sensitiveKey(key) {
			k, _, _ := strings.Cut(part, "=")
			parts[i] = k + "=" + masked
			changed = true
		}
	}
	if !changed {
		return raw
	}
	return strings.Join(parts, "&")
}
