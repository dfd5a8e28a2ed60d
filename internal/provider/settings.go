package provider

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// unknownError says that a block's value is only known at apply time.
type unknownError struct{ block, attribute string }

func (e unknownError) Error() string {
	return fmt.Sprintf("the provider setting %s.%s depends on a value that is not known until apply; the provider cannot be configured with it. "+
		"Use a value known at plan time, or apply the resources it depends on first with -target", e.block, e.attribute)
}

// stringSetting returns the configured value, else the first environment
// variable that is set.
func stringSetting(block, attribute string, v types.String, env ...string) (string, error) {
	if v.IsUnknown() {
		return "", unknownError{block, attribute}
	}
	if !v.IsNull() {
		return v.ValueString(), nil
	}
	for _, name := range env {
		if s := strings.TrimSpace(os.Getenv(name)); s != "" {
			return s, nil
		}
	}
	return "", nil
}

// boolSetting returns the configured value, else the environment variable
// parsed as a boolean (1, t, true, 0, f, false, ...).
func boolSetting(block, attribute string, v types.Bool, env string) (bool, error) {
	if v.IsUnknown() {
		return false, unknownError{block, attribute}
	}
	if !v.IsNull() {
		return v.ValueBool(), nil
	}
	s := strings.TrimSpace(os.Getenv(env))
	if s == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		return false, fmt.Errorf("the environment variable %s=%q is not a boolean (use true or false)", env, s)
	}
	return b, nil
}
