// Package transport builds the single HTTP stack shared by every backend of
// the provider (Astra Control, Huawei Cloud SDRS and OpenStack Manila).
//
// The stack, outermost first, is:
//
//	retry layer   go-retryablehttp with a method-aware retry policy, capped
//	              Retry-After handling and a context-deadline budget
//	logging layer User-Agent, one DEBUG line per attempt and TRACE headers and
//	              bodies through tflog, with secrets masked
//	base          a pooled *http.Transport from go-cleanhttp
//
// New returns an *http.Client whose Transport is the whole stack, so callers
// that only accept an http.RoundTripper get the same behaviour.
package transport
