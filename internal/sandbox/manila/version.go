package manila

import (
	"math"
	"net/http"
	"regexp"
	"strconv"
)

// Header names of the microversion protocol (manila/api/openstack/wsgi.py,
// manila.md §1.1).
const (
	headerVersion      = "X-OpenStack-Manila-API-Version"
	headerExperimental = "X-OpenStack-Manila-API-Experimental"
)

// Maximum microversions of the emulated servers (manila.md §1.1).
const (
	legacyMaxVersion = "2.22" // Newton: the last release with consistency groups.
	modernMaxVersion = "2.99" // A current server: consistency groups are gone.
)

// version is a Manila API microversion, such as 2.22.
type version struct{ major, minor int }

// versionPattern is the format the server accepts (no "latest").
var versionPattern = regexp.MustCompile(`^([1-9]\d*)\.([1-9]\d*|0)$`)

// parseVersion parses a microversion header; false when the server would
// refuse its format (invalidVersionFormat). Python's ints have no bound: a
// number too large for an int saturates at math.MaxInt, which keeps it
// above every maximum (the answer then quotes the header, not the number).
func parseVersion(s string) (version, bool) {
	m := versionPattern.FindStringSubmatch(s)
	if m == nil {
		return version{}, false
	}
	return version{saturated(m[1]), saturated(m[2])}, true
}

// saturated parses a string of digits, math.MaxInt when it overflows.
func saturated(digits string) int {
	n, err := strconv.Atoi(digits)
	if err != nil {
		return math.MaxInt
	}
	return n
}

func mustVersion(s string) version {
	v, ok := parseVersion(s)
	if !ok {
		panic("manila sandbox: bad microversion " + s)
	}
	return v
}

func (v version) String() string { return strconv.Itoa(v.major) + "." + strconv.Itoa(v.minor) }

func (v version) less(o version) bool {
	return v.major < o.major || (v.major == o.major && v.minor < o.minor)
}

// atLeast reports v >= o.
func (v version) atLeast(o version) bool { return !v.less(o) }

// Microversions that change the behaviour emulated here.
var (
	v20  = mustVersion("2.0")
	v24  = mustVersion("2.4")  // consistency groups
	v26  = mustVersion("2.6")  // last os- action names
	v27  = mustVersion("2.7")  // plain action names, share_type_access:is_public
	v218 = mustVersion("2.18") // share network gateway
	v220 = mustVersion("2.20") // share network mtu
)

// negotiate reads the microversion header of a request, in the server's
// order: absent is 2.0; a bad format is a 400, a version out of range a 406
// (manila.md §1.1). It sets the response's version headers.
func (a *API) negotiate(w http.ResponseWriter, r *http.Request) (version, *fault) {
	v, text := v20, v20.String()
	if h := r.Header.Get(headerVersion); h != "" {
		var ok bool
		if v, ok = parseVersion(h); !ok {
			return version{}, invalidVersionFormat(h)
		}
		text = h // The pattern admits no other spelling of v.
	}
	w.Header().Set(headerVersion, text)
	w.Header().Set("Vary", headerVersion)
	if v.less(a.minVersion) || a.maxVersion.less(v) {
		return version{}, unsupportedVersion(text, a.minVersion, a.maxVersion)
	}
	return v, nil
}

// versionDocument answers GET /v2/ with the v2 API's microversion range.
func (a *API) versionDocument(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, object{{"versions", []object{{
		{"status", "CURRENT"}, {"updated", "2015-08-27T11:33:21Z"},
		{"links", []object{
			{{"href", "http://docs.openstack.org/"}, {"type", "text/html"}, {"rel", "describedby"}},
			{{"href", baseURLOf(r) + "/v2/"}, {"rel", "self"}},
		}},
		{"min_version", a.minVersion.String()}, {"version", a.maxVersion.String()},
		{"media-types", []object{{{"base", "application/json"}, {"type", "application/vnd.openstack.share+json;version=1"}}}},
		{"id", "v2.0"},
	}}}})
}
