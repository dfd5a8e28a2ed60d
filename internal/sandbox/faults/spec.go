// Package faults injects faults into the sandbox, deterministically for a
// given seed: answers 5xx or 429 before the emulated server acts, resets the
// connection before it acts or after it acted (the ambiguous case a client
// must survive without duplicating an object), adds latency, and makes
// asynchronous operations stall or fail.
//
// A spec is comma-separated key=value pairs:
//
//	seed=N            seed of the decisions (default 1)
//	5xx=P             answer 500, 502 or 503 before the server acts
//	429=P             answer 429 with Retry-After in the API's throttling body
//	reset=P           close the connection before the server acts
//	reset_after=P     let the server act, then close the connection unanswered
//	latency=D         delay every answer by D (a Go duration such as 50ms)
//	stall=OP          asynchronous operations whose name contains OP never finish
//	fail=OP           asynchronous operations whose name contains OP end in error
//	route=S           network faults only for requests whose "METHOD /path" contains S
//	retry_after=D     the Retry-After of injected 429s (default 1s)
//
// P is a probability in [0, 1]; the probabilities of 5xx, 429, reset and
// reset_after are drawn from one number per request and must add up to at
// most 1. stall and fail may be given several times.
package faults

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Spec is a parsed fault specification. The zero value injects nothing.
type Spec struct {
	Seed        int64
	P5xx        float64
	P429        float64
	PReset      float64
	PResetAfter float64
	Latency     time.Duration
	RetryAfter  time.Duration
	Stall       []string
	Fail        []string
	Route       string
}

// defaultRetryAfter is the Retry-After of injected 429s.
const defaultRetryAfter = time.Second

// Parse parses a spec; the empty string is the zero Spec.
func Parse(s string) (Spec, error) {
	sp := Spec{Seed: 1, RetryAfter: defaultRetryAfter}
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		key, value, ok := strings.Cut(item, "=")
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if !ok || value == "" {
			return Spec{}, fmt.Errorf("fault %q: want key=value", item)
		}
		var err error
		switch key {
		case "seed":
			sp.Seed, err = strconv.ParseInt(value, 10, 64)
		case "5xx":
			sp.P5xx, err = probability(value)
		case "429":
			sp.P429, err = probability(value)
		case "reset":
			sp.PReset, err = probability(value)
		case "reset_after":
			sp.PResetAfter, err = probability(value)
		case "latency":
			sp.Latency, err = duration(value)
		case "retry_after":
			sp.RetryAfter, err = duration(value)
		case "stall":
			sp.Stall = append(sp.Stall, value)
		case "fail":
			sp.Fail = append(sp.Fail, value)
		case "route":
			sp.Route = value
		default:
			return Spec{}, fmt.Errorf("fault %q: unknown key %q (want seed, 5xx, 429, reset, reset_after, latency, retry_after, stall, fail or route)", item, key)
		}
		if err != nil {
			return Spec{}, fmt.Errorf("fault %q: %w", item, err)
		}
	}
	if total := sp.P5xx + sp.P429 + sp.PReset + sp.PResetAfter; total > 1 {
		return Spec{}, fmt.Errorf("the probabilities of 5xx, 429, reset and reset_after add up to %g, more than 1", total)
	}
	return sp, nil
}

func probability(v string) (float64, error) {
	p, err := strconv.ParseFloat(v, 64)
	if err != nil || p < 0 || p > 1 {
		return 0, fmt.Errorf("%q is not a probability between 0 and 1", v)
	}
	return p, nil
}

func duration(v string) (time.Duration, error) {
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%q is not a duration such as 50ms", v)
	}
	return d, nil
}

// String renders the spec in Parse's syntax, keys in a fixed order.
func (s Spec) String() string {
	var parts []string
	add := func(k, v string) { parts = append(parts, k+"="+v) }
	f := func(p float64) string { return strconv.FormatFloat(p, 'g', -1, 64) }
	if s.Seed != 0 && s.Seed != 1 {
		add("seed", strconv.FormatInt(s.Seed, 10))
	}
	for _, p := range []struct {
		k string
		v float64
	}{{"5xx", s.P5xx}, {"429", s.P429}, {"reset", s.PReset}, {"reset_after", s.PResetAfter}} {
		if p.v > 0 {
			add(p.k, f(p.v))
		}
	}
	if s.Latency > 0 {
		add("latency", s.Latency.String())
	}
	if s.RetryAfter > 0 && s.RetryAfter != defaultRetryAfter {
		add("retry_after", s.RetryAfter.String())
	}
	for _, op := range s.Stall {
		add("stall", op)
	}
	for _, op := range s.Fail {
		add("fail", op)
	}
	if s.Route != "" {
		add("route", s.Route)
	}
	return strings.Join(parts, ",")
}

// network reports whether the spec injects any fault into requests.
func (s Spec) network() bool {
	return s.P5xx+s.P429+s.PReset+s.PResetAfter > 0 || s.Latency > 0
}

// matches reports whether op names an operation listed in ops.
func matches(ops []string, op string) bool {
	return slices.ContainsFunc(ops, func(o string) bool { return strings.Contains(op, o) })
}
