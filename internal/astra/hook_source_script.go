package astra

import (
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSourceLength is the API's limit on the base64 text (128 KiB).
const maxSourceLength = 131072

// base64Pattern is the spec's type_base64_data: standard alphabet, padded.
var base64Pattern = regexp.MustCompile(`^([A-Za-z0-9+/]{4})*(([A-Za-z0-9+/]{2})==|([A-Za-z0-9+/]{3})=)?$`)

// encodeScript encodes plain script text as the API takes it.
func encodeScript(content string) string {
	return base64.StdEncoding.EncodeToString([]byte(content))
}

// decodeScript decodes the API's base64 source into the script text.
func decodeScript(source string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(source)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// sourceMD5 is the API's sourceMD5Checksum: the MD5 of the base64 text.
// The API identifies scripts by MD5; it is not used for security.
func sourceMD5(source string) string {
	sum := md5.Sum([]byte(source))
	return hex.EncodeToString(sum[:])
}

// checkScript applies the API's rule for "script" sources: plain text, no
// carriage return, no binary data.
func checkScript(script string) error {
	if !utf8.ValidString(script) {
		return errors.New("the script is not UTF-8 text (binary data is refused by the API)")
	}
	if i := strings.IndexByte(script, '\r'); i >= 0 {
		line := strings.Count(script[:i], "\n") + 1
		return fmt.Errorf("the script contains a carriage return on line %d; the API refuses CR characters: convert the file to Unix line endings (LF)", line)
	}
	for i, r := range script {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return fmt.Errorf("the script contains the control character %U at byte %d; the API refuses binary data", r, i)
		}
	}
	return nil
}

// checkSource validates a base64 source as the API does.
func checkSource(source string) error {
	if len(source) > maxSourceLength {
		return fmt.Errorf("the base64 source is %d characters long; the API accepts at most %d (a script of at most 96 KiB)", len(source), maxSourceLength)
	}
	if !base64Pattern.MatchString(source) {
		return errors.New("the value is not valid base64 (standard alphabet with padding, no line breaks); use filebase64() or base64encode(), or set content instead")
	}
	script, err := decodeScript(source)
	if err != nil {
		return fmt.Errorf("the value is not valid base64: %w", err)
	}
	return checkScript(script)
}

// checkContent validates plain script text that the provider will encode.
func checkContent(content string) error {
	if n := base64.StdEncoding.EncodedLen(len(content)); n > maxSourceLength {
		return fmt.Errorf("the script is %d bytes long, %d characters in base64; the API accepts at most %d (a script of at most 96 KiB)", len(content), n, maxSourceLength)
	}
	return checkScript(content)
}
