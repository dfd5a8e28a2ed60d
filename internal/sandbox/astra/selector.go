package astra

import (
	"errors"
	"regexp"
	"slices"
	"strings"
)

// Kubernetes label selectors, as an app's labelSelectors take them
// (astra.md §10.2): requirements separated by commas, all of which must
// hold (AND): "key", "!key", "key=value" (or "=="), "key!=value",
// "key in (a, b)" and "key notin (a, b)".

// selectorRequirement is one parsed requirement.
type selectorRequirement struct {
	key    string
	op     string // exists, !exists, =, !=, in, notin
	values []string
}

var (
	// selectorKeyRe is a label key: an optional DNS subdomain prefix and a
	// name of at most 63 characters.
	selectorKeyRe = regexp.MustCompile(`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$`)
	// selectorValueRe is a label value: empty, or at most 63 characters.
	selectorValueRe = regexp.MustCompile(`^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$`)
	// setRe is "key in (…)" or "key notin (…)".
	setRe = regexp.MustCompile(`^(\S+)\s+(in|notin)\s*\((.*)\)$`)
)

// parseSelector parses one label selector, or says why it is not one.
func parseSelector(s string) ([]selectorRequirement, error) {
	parts, err := splitRequirements(s)
	if err != nil {
		return nil, err
	}
	out := make([]selectorRequirement, 0, len(parts))
	for _, part := range parts {
		req, err := parseRequirement(strings.TrimSpace(part))
		if err != nil {
			return nil, err
		}
		out = append(out, req)
	}
	return out, nil
}

// splitRequirements splits s on the commas outside parentheses.
func splitRequirements(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, errors.New("a label selector must not be empty")
	}
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
			if depth < 0 {
				return nil, errors.New("unbalanced parentheses")
			}
		case ',':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	if depth != 0 {
		return nil, errors.New("unbalanced parentheses")
	}
	return append(parts, s[start:]), nil
}

func parseRequirement(part string) (selectorRequirement, error) {
	bad := func(why string) (selectorRequirement, error) {
		return selectorRequirement{}, errors.New("requirement \"" + part + "\": " + why)
	}
	if m := setRe.FindStringSubmatch(part); m != nil {
		var values []string
		for _, v := range strings.Split(m[3], ",") {
			v = strings.TrimSpace(v)
			if !selectorValueRe.MatchString(v) {
				return bad("invalid value " + v)
			}
			values = append(values, v)
		}
		if !selectorKeyRe.MatchString(m[1]) {
			return bad("invalid key")
		}
		return selectorRequirement{key: m[1], op: m[2], values: values}, nil
	}
	for _, op := range []string{"!=", "==", "="} {
		if key, value, ok := strings.Cut(part, op); ok {
			key, value = strings.TrimSpace(key), strings.TrimSpace(value)
			if !selectorKeyRe.MatchString(key) {
				return bad("invalid key")
			}
			if !selectorValueRe.MatchString(value) {
				return bad("invalid value")
			}
			if op == "==" {
				op = "="
			}
			return selectorRequirement{key: key, op: op, values: []string{value}}, nil
		}
	}
	op, key := "exists", part
	if strings.HasPrefix(part, "!") {
		op, key = "!exists", strings.TrimSpace(part[1:])
	}
	if !selectorKeyRe.MatchString(key) {
		return bad("invalid key")
	}
	return selectorRequirement{key: key, op: op}, nil
}

// matches reports whether labels satisfy the requirement.
func (r selectorRequirement) matches(labels []label) bool {
	value, has := "", false
	for _, l := range labels {
		if l.Name == r.key {
			value, has = l.Value, true
		}
	}
	switch r.op {
	case "exists":
		return has
	case "!exists":
		return !has
	case "=", "in":
		return has && slices.Contains(r.values, value)
	default: // !=, notin
		return !has || !slices.Contains(r.values, value)
	}
}

// selectorsMatch reports whether labels satisfy one of the selectors (the
// app takes what any of them selects); no selector selects everything. An
// unparsable selector selects nothing (requests are validated first).
func selectorsMatch(selectors []string, labels []label) bool {
	if len(selectors) == 0 {
		return true
	}
	for _, s := range selectors {
		reqs, err := parseSelector(s)
		if err != nil {
			continue
		}
		all := true
		for _, req := range reqs {
			all = all && req.matches(labels)
		}
		if all {
			return true
		}
	}
	return false
}
