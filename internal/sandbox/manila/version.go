package manila

import (
	"math"
	"net/http"
	"regexp"
	"strconv"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// Header names of the microversion protocol (manila/api/openstack/wsgi.py,
// manila.md §1.1).
const (
	headerVersion      = "X-OpenStack-Manila-API-Version"
	headerExperimental = "X-OpenStack-Manila-API-Experimental"
)

// Maximum microversions of the emulated servers (manila.md §1.1,
// manila-groups.md §1).
const (
	legacyMaxVersion = "2.22" // Newton: the last release with consistency groups.
	modernMaxVersion = "2.99" // A current server: consistency groups are gone.
	// newestVersion is the newest microversion the specs document: a
	// server cannot be asked to emulate a later one, whose rules nobody
	// has read.
	newestVersion = "2.99"
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

// Microversions that change the behaviour emulated here
// (manila-groups.md §1).
var (
	v20  = mustVersion("2.0")
	v22  = mustVersion("2.2")  // snapshot_support in the share view
	v24  = mustVersion("2.4")  // consistency groups
	v25  = mustVersion("2.5")  // task_state
	v26  = mustVersion("2.6")  // last os- action names; share_type becomes the UUID
	v27  = mustVersion("2.7")  // plain action names, share_type_access:is_public, /availability-zones
	v29  = mustVersion("2.9")  // export locations API; export_location(s) leave the share view
	v210 = mustVersion("2.10") // access_rules_status
	v211 = mustVersion("2.11") // share replication (experimental)
	v212 = mustVersion("2.12") // provider_location of snapshots (admin)
	v214 = mustVersion("2.14") // preferred export locations
	v216 = mustVersion("2.16") // user_id of shares
	v217 = mustVersion("2.17") // user_id and project_id of snapshots
	v218 = mustVersion("2.18") // share network gateway
	v220 = mustVersion("2.20") // share network mtu
	v221 = mustVersion("2.21") // access_key of access rules
	v224 = mustVersion("2.24") // create_share_from_snapshot_support
	v227 = mustVersion("2.27") // revert to snapshot
	v228 = mustVersion("2.28") // access rule states queued_to_apply/queued_to_deny
	v230 = mustVersion("2.30") // cast_rules_to_readonly of replicas
	v231 = mustVersion("2.31") // share groups replace consistency groups
	v232 = mustVersion("2.32") // mount_snapshot_support
	v233 = mustVersion("2.33") // created_at/updated_at of access rules
	v234 = mustVersion("2.34") // availability_zone, consistent_snapshot_support of share groups
	v237 = mustVersion("2.37") // user messages
	v241 = mustVersion("2.41") // share type description
	v245 = mustVersion("2.45") // share-access-rules API, access_list gone
	v246 = mustVersion("2.46") // is_default of share and group types
	v247 = mustVersion("2.47") // replica export locations; secondary ones leave the share's
	v254 = mustVersion("2.54") // progress, creating_from_snapshot shown as is
	v255 = mustVersion("2.55") // share groups graduate
	v256 = mustVersion("2.56") // share replication graduates
	v269 = mustVersion("2.69") // soft delete fields
	v272 = mustVersion("2.72") // share_network_id of a replica creation
	v273 = mustVersion("2.73") // snapshot metadata
	v275 = mustVersion("2.75") // quiesce_wait_time of promote
	v280 = mustVersion("2.80") // source_backup_id
	v290 = mustVersion("2.90") // encryption_key_ref
	v295 = mustVersion("2.95") // replica metadata
	v299 = mustVersion("2.99") // snapshot_inherit_share_access_support
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
			{{"href", backend.BaseURL(r) + "/v2/"}, {"rel", "self"}},
		}},
		{"min_version", a.minVersion.String()}, {"version", a.maxVersion.String()},
		{"media-types", []object{{{"base", "application/json"}, {"type", "application/vnd.openstack.share+json;version=1"}}}},
		{"id", "v2.0"},
	}}}})
}
