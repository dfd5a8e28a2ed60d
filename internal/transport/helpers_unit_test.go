package transport

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestPassthroughNeverReturnsResponseAndError(t *testing.T) {
	body := &closeRecorder{Reader: strings.NewReader("x")}
	boom := errors.New("boom")
	resp, err := passthrough(&http.Response{Body: body}, boom, 2)
	if resp != nil || !errors.Is(err, boom) || !body.closed {
		t.Fatalf("got %v, %v (closed=%v)", resp, err, body.closed)
	}
	if resp, err := passthrough(nil, nil, 3); resp != nil || err == nil {
		t.Fatalf("got %v, %v; want an error", resp, err)
	}
	last := &http.Response{StatusCode: http.StatusServiceUnavailable}
	if resp, err := passthrough(last, nil, 3); resp != last || err != nil {
		t.Fatalf("got %v, %v; want the last response", resp, err)
	}
}

type failingReader struct{ err error }

func (f failingReader) Read([]byte) (int, error) { return 0, f.err }

func TestPeekPreservesContentAndError(t *testing.T) {
	boom := errors.New("connection reset")
	src := &closeRecorder{Reader: io.MultiReader(strings.NewReader("abc"), failingReader{boom})}
	b, body, truncated := peek(src)
	if string(b) != "abc" || truncated {
		t.Fatalf("peek = %q, %v", b, truncated)
	}
	got, err := io.ReadAll(body)
	if string(got) != "abc" || !errors.Is(err, boom) {
		t.Fatalf("body = %q, %v", got, err)
	}
	_ = body.Close()
	if !src.closed {
		t.Fatal("original body not closed")
	}
}

func TestTextual(t *testing.T) {
	h := func(kv ...string) http.Header {
		out := http.Header{}
		for i := 0; i < len(kv); i += 2 {
			out.Set(kv[i], kv[i+1])
		}
		return out
	}
	for _, tc := range []struct {
		h    http.Header
		want bool
	}{
		{h(), true},
		{h("Content-Type", "application/json; charset=utf-8"), true},
		{h("Content-Type", "application/problem+json"), true},
		{h("Content-Type", "text/plain"), true},
		{h("Content-Type", "application/octet-stream"), false},
		{h("Content-Type", "application/json", "Content-Encoding", "gzip"), false},
	} {
		if got := textual(tc.h); got != tc.want {
			t.Errorf("textual(%v) = %v, want %v", tc.h, got, tc.want)
		}
	}
	if textualBytes(h(), []byte{0xff, 0xfe, 0x00, 0x81, 0x82, 0x83, 0x84}) {
		t.Error("binary bytes without Content-Type considered textual")
	}
	if !textualBytes(h(), []byte("caf\xc3")) { // cut inside "é"
		t.Error("truncated UTF-8 text rejected")
	}
	if mediaType("Application/JSON") != "application/json" || mediaType("bad;;") != "bad;;" {
		t.Error("mediaType")
	}
}
