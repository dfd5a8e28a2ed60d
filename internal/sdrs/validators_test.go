package sdrs

import (
	"strings"
	"testing"
)

func TestCheckName(t *testing.T) {
	for name, ok := range map[string]bool{
		"tf_test_abc.1-2":       true,
		"保护组":                   true,
		strings.Repeat("a", 64): true,
		strings.Repeat("a", 65): false,
		strings.Repeat("组", 22): false, // 66 bytes
		"a b":                   false,
		"a/b":                   false,
		"":                      false,
	} {
		if err := checkName(name); (err == nil) != ok {
			t.Errorf("checkName(%q) = %v", name, err)
		}
	}
}
