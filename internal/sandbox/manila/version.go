package manila

import (
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
// refuse its format (invalidVersionFormat).
func parseVersion(s string) (version, bool) {
	m := versionPattern.FindStringSubmatch(s)
	if m == nil {
		return version{}, false
	}
	major, _ := strconv.Atoi(m[1])
	minor, _ := strconv.Atoi(m[2])
	return version{major, minor}, true
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
	v := v20
	if h := r.Header.Get(headerVersion); h != "" {
		var ok bool
		if v, ok = parseVersion(h); !ok {
			return version{}, invalidVersionFormat(h)
		}
	}
	w.Header().Set(headerVersion, v.String())
	w.Header().Set("Vary", headerVersion)
	if v.less(a.minVersion) || a.maxVersion.less(v) {
		return version{}, unsupportedVersion(v, a.minVersion, a.maxVersion)
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
