package astra

import (
	"fmt"
	"strings"
)

// filterOp is a comparison operator of the filter query parameter.
type filterOp string

// The operators of query_filter. "in" is in the pattern though not in the
// prose; actoolkit uses it as "the field contains the value" (astraSDK
// groups.py), which is how it is implemented here.
const (
	opEq  filterOp = "eq"
	opLt  filterOp = "lt"
	opGt  filterOp = "gt"
	opLte filterOp = "lte"
	opGte filterOp = "gte"
	opIn  filterOp = "in"
)

// pathSegment is one dotted component of a filter field path; all selects
// every element of an array ("labels[*]").
type pathSegment struct {
	name string
	all  bool
}

// filterClause is one "field op 'value'" condition.
type filterClause struct {
	path  []pathSegment
	op    filterOp
	value string
}

// parseFilter parses one filter parameter value. It implements the intent
// of the spec's query_filter pattern:
//
//	^((seg(\[\*\])?)((\.seg(\[\*\])?)+)?( |%20)(eq|lt|gt|lte|gte|in)( |%20)'([0-9a-zA-Z.,-_:@ {}\"])+')(,(\1))*$
//
// Two departures, both deliberate: Go's regexp has no backreferences, and
// the trailing (,(\1))* taken literally only allows the very same clause
// repeated, which is pointless; it is read as "more comma-separated clauses",
// which are ANDed. The value class keeps the spec's ",-_" range (every byte
// from ',' to '_', which includes '/', ';', '<', '=', '>', '?', '[', '\\',
// ']' and '^'); it excludes the quote, so a value ends at the next quote.
func parseFilter(s string) ([]filterClause, error) {
	p := filterParser{s: s}
	var clauses []filterClause
	for {
		c, err := p.clause()
		if err != nil {
			return nil, err
		}
		clauses = append(clauses, c)
		if p.done() {
			return clauses, nil
		}
		if !p.consume(",") {
			return nil, p.errorf("expected ',' or the end of the filter")
		}
	}
}

// filterParser is a cursor over a filter string.
type filterParser struct {
	s   string
	pos int
}

func (p *filterParser) done() bool { return p.pos >= len(p.s) }

// consume advances past lit when the input continues with it.
func (p *filterParser) consume(lit string) bool {
	if strings.HasPrefix(p.s[p.pos:], lit) {
		p.pos += len(lit)
		return true
	}
	return false
}

func (p *filterParser) errorf(msg string) error {
	return fmt.Errorf("must look like field eq 'value': at offset %d: %s", p.pos, msg)
}

// clause parses field SEP op SEP 'value'.
func (p *filterParser) clause() (filterClause, error) {
	var c filterClause
	for {
		seg, err := p.segment()
		if err != nil {
			return c, err
		}
		c.path = append(c.path, seg)
		if !p.consume(".") {
			break
		}
	}
	if !p.separator() {
		return c, p.errorf("expected a space after the field name")
	}
	start := p.pos
	for !p.done() && isAlnum(p.s[p.pos]) {
		p.pos++
	}
	switch op := filterOp(p.s[start:p.pos]); op {
	case opEq, opLt, opGt, opLte, opGte, opIn:
		c.op = op
	default:
		p.pos = start
		return c, p.errorf("expected an operator: eq, lt, gt, lte, gte or in")
	}
	if !p.separator() {
		return c, p.errorf("expected a space after the operator")
	}
	if !p.consume("'") {
		return c, p.errorf("expected a quoted value")
	}
	start = p.pos
	for !p.done() && isFilterValueChar(p.s[p.pos]) {
		p.pos++
	}
	c.value = p.s[start:p.pos]
	if c.value == "" {
		return c, p.errorf("expected a non-empty value")
	}
	if !p.consume("'") {
		return c, p.errorf("unexpected character in the value, or missing closing quote")
	}
	return c, nil
}

// segment parses [0-9a-zA-Z]+ with an optional [*].
func (p *filterParser) segment() (pathSegment, error) {
	start := p.pos
	for !p.done() && isAlnum(p.s[p.pos]) {
		p.pos++
	}
	if p.pos == start {
		return pathSegment{}, p.errorf("expected a field name")
	}
	seg := pathSegment{name: p.s[start:p.pos]}
	seg.all = p.consume("[*]")
	return seg, nil
}

// separator consumes " " or a literal "%20", as the pattern allows.
func (p *filterParser) separator() bool {
	return p.consume(" ") || p.consume("%20")
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// isFilterValueChar is the class [0-9a-zA-Z.,-_:@ {}\"] of query_filter.
func isFilterValueChar(c byte) bool {
	return isAlnum(c) || c >= ',' && c <= '_' || c == ' ' || c == '{' || c == '}' || c == '"'
}
