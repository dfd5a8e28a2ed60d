package manila

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Header names of the microversion protocol (manila/api/openstack/wsgi.py).
const (
	headerVersion      = "X-OpenStack-Manila-API-Version"
	headerExperimental = "X-OpenStack-Manila-API-Experimental"
)

// version is a Manila API microversion, such as 2.22.
type version struct{ major, minor int }

// versionPattern is the format the server accepts (no "latest").
var versionPattern = regexp.MustCompile(`^([1-9]\d*)\.([1-9]\d*|0)$`)

func parseVersion(s string) (version, error) {
	m := versionPattern.FindStringSubmatch(s)
	if m == nil {
		return version{}, fmt.Errorf("API Version String %s is of invalid format. Must be of format MajorNum.MinorNum.", s) //nolint:staticcheck // The server's own message.
	}
	major, _ := strconv.Atoi(m[1])
	minor, _ := strconv.Atoi(m[2])
	return version{major, minor}, nil
}

func mustVersion(s string) version {
	v, err := parseVersion(s)
	if err != nil {
		panic(err)
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

// boolFromString is oslo's strutils.bool_from_string(s) with the default
// strict=False: true for 1, t, true, on, y, yes (any case), else false.
func boolFromString(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "t", "true", "on", "y", "yes":
		return true
	}
	return false
}
