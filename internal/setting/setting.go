// Package setting is the one shape of a provider setting in every backend's
// block: its attribute, the environment variables it falls back to, and how
// a missing or malformed one is reported.
package setting

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Setting names one attribute of a backend's provider block and the
// environment variables read, in order, when the attribute is not set.
type Setting struct {
	Block     string
	Attribute string
	EnvVars   []string
}

// New returns the setting block.attribute read from env when not configured.
func New(block, attribute string, env ...string) Setting {
	return Setting{Block: block, Attribute: attribute, EnvVars: env}
}

// Describe renders the setting for an error message:
// "user_name" (manila.user_name or the OS_USERNAME environment variable).
func (s Setting) Describe() string {
	return fmt.Sprintf("%q (%s.%s or the %s environment variable)", s.Attribute, s.Block, s.Attribute, strings.Join(s.EnvVars, " or "))
}

// Env returns the first of the setting's environment variables that is set,
// trimmed, or "".
func (s Setting) Env() string {
	for _, name := range s.EnvVars {
		if v := strings.TrimSpace(os.Getenv(name)); v != "" {
			return v
		}
	}
	return ""
}

// EnvBool parses Env as a boolean (1, t, true, 0, f, false, ...). set
// reports whether a variable was set at all.
func (s Setting) EnvBool() (value, set bool, err error) {
	v := s.Env()
	if v == "" {
		return false, false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, true, fmt.Errorf("the environment variable %s=%q is not a boolean (use true or false)", s.EnvVars[0], v)
	}
	return b, true, nil
}

// String returns the configured value, else Env. A value unknown at plan
// time cannot configure a provider: it is an error naming the setting.
func (s Setting) String(v types.String) (string, error) {
	if v.IsUnknown() {
		return "", s.unknown()
	}
	if !v.IsNull() {
		return v.ValueString(), nil
	}
	return s.Env(), nil
}

// Bool returns the configured value, else EnvBool. set reports whether
// either gave a value.
func (s Setting) Bool(v types.Bool) (value, set bool, err error) {
	if v.IsUnknown() {
		return false, false, s.unknown()
	}
	if !v.IsNull() {
		return v.ValueBool(), true, nil
	}
	return s.EnvBool()
}

func (s Setting) unknown() error {
	return fmt.Errorf("the provider setting %s.%s depends on a value that is not known until apply; the provider cannot be configured with it. "+
		"Use a value known at plan time, or apply the resources it depends on first with -target", s.Block, s.Attribute)
}

// Missing is the error of a backend used without some of its settings; each
// entry of what is a Describe, or several joined with "or".
func Missing(backend, block string, what []string) error {
	return fmt.Errorf("the %s backend is used but these settings are missing: %s. Set them in the provider's %s block or in the environment",
		backend, strings.Join(what, ", "), block)
}
