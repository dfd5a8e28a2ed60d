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
