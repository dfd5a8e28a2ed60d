package backend

import (
	"bytes"
	"encoding/json"
	"strings"
)

// DecodeFixtures decodes an emulator's section of the -fixtures document
// strictly: an unknown key is an error that names it.
func DecodeFixtures(section json.RawMessage, into any) error {
	dec := json.NewDecoder(bytes.NewReader(section))
	dec.DisallowUnknownFields()
	return dec.Decode(into)
}

// Given returns the list a section gave; nil, when it gave none, is
// empty. Sections hold their lists by pointer so that, with replace, only
// the kinds given replace the defaults.
func Given[T any](p *[]T) []T {
	if p == nil {
		return nil
	}
	return *p
}

// EnvName turns a fixture's name into the part of a variable name that
// names it: upper case, every character but a letter or digit an
// underscore ("prod-paris" is PROD_PARIS).
func EnvName(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			return r
		}
		return '_'
	}, name)
}
