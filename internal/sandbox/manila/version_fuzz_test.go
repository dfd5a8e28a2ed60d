package manila

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// FuzzParseVersion checks the parser of the microversion header against
// the server's pattern: it accepts exactly what the pattern matches, never
// panics, and reads back the number it was given (or saturates one that
// does not fit an int). Its seeds are in testdata/fuzz/FuzzParseVersion.
func FuzzParseVersion(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := parseVersion(s)
		if ok != versionPattern.MatchString(s) {
			t.Fatalf("parseVersion(%q) ok = %v, the pattern says %v", s, ok, !ok)
		}
		if !ok {
			return
		}
		major, minor, _ := strings.Cut(s, ".")
		for _, p := range []struct {
			digits string
			got    int
		}{{major, v.major}, {minor, v.minor}} {
			want, err := strconv.Atoi(p.digits)
			if err != nil {
				want = math.MaxInt
			}
			if p.got != want || p.got < 0 {
				t.Fatalf("parseVersion(%q) = %+v", s, v)
			}
		}
		if v.major != math.MaxInt && v.minor != math.MaxInt && v.String() != s {
			t.Fatalf("parseVersion(%q).String() = %q", s, v.String())
		}
	})
}
