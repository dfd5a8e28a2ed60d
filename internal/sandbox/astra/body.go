package astra

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
)

// maxBodyBytes bounds request bodies. The largest valid hook source is a
// 131072-character source plus a few short fields.
const maxBodyBytes = 1 << 20

// readObject reads the JSON object body of a POST or PUT whose Astra media
// type is astraMedia.
//
// The Content-Type must be astraMedia or application/json (clients use both,
// astra.md §1.2); a missing Content-Type is read as JSON. Any other gives
// 400 problem 12 naming the header. A body that is not JSON gives problem 7;
// JSON that is not an object gives problem 8.
func readObject(r *http.Request, astraMedia string) (map[string]json.RawMessage, *problem) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		media, _, err := mime.ParseMediaType(ct)
		if err != nil || (!strings.EqualFold(media, astraMedia) && !strings.EqualFold(media, mediaJSON)) {
			return nil, invalidParams(12, "Content-Type",
				"the request body must be sent as "+astraMedia+" or "+mediaJSON)
		}
	}
	data, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, schemaFailure("the request body is larger than 1048576 bytes")
		}
		return nil, newProblem(7)
	}
	if !json.Valid(data) {
		return nil, newProblem(7)
	}
	var obj map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&obj); err != nil || obj == nil {
		return nil, schemaFailure("the request body must be a JSON object")
	}
	return obj, nil
}

// bufferBody reads the request body into memory before the handler takes
// the emulator's lock, so that a slow client cannot hold up the others.
// readObject then reads it from memory, in its handler's order of checks; a
// read error (a body over maxBodyBytes, say) is kept for it to find.
func bufferBody(r *http.Request) {
	if r.Body == nil || r.Body == http.NoBody {
		return
	}
	data, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBodyBytes))
	r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(data), failingReader{err}))
}

// failingReader answers err, or the end of the stream when err is nil.
type failingReader struct{ err error }

func (f failingReader) Read([]byte) (int, error) {
	if f.err == nil {
		return 0, io.EOF
	}
	return 0, f.err
}
