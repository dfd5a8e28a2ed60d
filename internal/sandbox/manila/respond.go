package manila

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
	"unicode/utf16"

	"github.com/google/uuid"
)

// object is a JSON object whose keys keep the order they were added in, so
// that views read like the api-ref samples.
type object []field

type field struct {
	key   string
	value any
}

// MarshalJSON writes the object as Python's json.dumps does.
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	err := encodePy(&b, o)
	return b.Bytes(), err
}

// encodePy writes v as Python's json.dumps with its default separators
// (", " and ": ") and ensure_ascii: the servers emulated here are Python
// programs, and clients see their exact bytes.
func encodePy(b *bytes.Buffer, v any) error {
	switch x := v.(type) {
	case object:
		b.WriteByte('{')
		for i, f := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			encodePyString(b, f.key)
			b.WriteString(": ")
			if err := encodePy(b, f.value); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case []object:
		b.WriteByte('[')
		for i, item := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := encodePy(b, item); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case []string:
		b.WriteByte('[')
		for i, item := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			encodePyString(b, item)
		}
		b.WriteByte(']')
	case string:
		encodePyString(b, x)
	case *string:
		if x == nil {
			b.WriteString("null")
		} else {
			encodePyString(b, *x)
		}
	case nil:
		b.WriteString("null")
	default:
		raw, err := json.Marshal(x)
		if err != nil {
			return err
		}
		b.Write(raw)
	}
	return nil
}

// encodePyString writes s as a JSON string with non-ASCII characters
// escaped as \uXXXX and without Go's HTML escaping.
func encodePyString(b *bytes.Buffer, s string) {
	var tmp bytes.Buffer
	enc := json.NewEncoder(&tmp)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	out := bytes.TrimRight(tmp.Bytes(), "\n")
	for _, r := range string(out) {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r <= 0xFFFF:
			fmt.Fprintf(b, "\\u%04x", r)
		default:
			hi, lo := utf16.EncodeRune(r)
			fmt.Fprintf(b, "\\u%04x\\u%04x", hi, lo)
		}
	}
}

// writeJSON sends v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var b bytes.Buffer
	if err := encodePy(&b, v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

// writeAccepted sends 202 with an empty body (webob.Response(status_int=202)).
func writeAccepted(w http.ResponseWriter) {
	w.Header().Set("Content-Length", "0")
	w.WriteHeader(http.StatusAccepted)
}

// requestID returns a Manila/Keystone request ID (req-<uuid>).
func requestID() string { return "req-" + uuid.NewString() }

// pyTime renders t as Manila's JSON encoder renders a datetime, always with
// six fractional digits and no zone: 2015-09-16T09:28:52.880949.
func pyTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000") }

// dbTime renders t as read back from the database, whose DATETIME columns
// keep whole seconds: 2015-09-16T16:50:31.000000.
func dbTime(t time.Time) string { return pyTime(t.Truncate(time.Second)) }
