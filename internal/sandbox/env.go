package sandbox

import (
	"os"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// EnvVar is one environment variable that points a client at the sandbox.
type EnvVar = backend.EnvVar

// fixturePrefix starts the names of the sandbox's fixture variables.
const fixturePrefix = "CONTINUITY_SANDBOX_"

// orderEnv puts the provider variables of every backend first and the
// CONTINUITY_SANDBOX_* fixture IDs after them, keeping the backends' order
// within each group.
func orderEnv(vars []EnvVar) []EnvVar {
	out := make([]EnvVar, 0, len(vars))
	for _, v := range vars {
		if !strings.HasPrefix(v.Name, fixturePrefix) {
			out = append(out, v)
		}
	}
	for _, v := range vars {
		if strings.HasPrefix(v.Name, fixturePrefix) {
			out = append(out, v)
		}
	}
	return out
}

// shellQuote quotes s for a POSIX shell: s goes between single quotes, and
// each single quote inside s closes the quoting, adds an escaped quote and
// reopens it.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// formatEnv renders vars as `export NAME='value'` lines.
func formatEnv(vars []EnvVar) string {
	var b strings.Builder
	for _, v := range vars {
		b.WriteString("export " + v.Name + "=" + shellQuote(v.Value) + "\n")
	}
	return b.String()
}

// WriteEnvFile writes one `export NAME='value'` line per Env entry to path,
// with mode 0600 (the file holds API tokens). An existing file is replaced
// and its mode reset.
func (s *Server) WriteEnvFile(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if err := f.Chmod(0o600); err != nil {
		_ = f.Close()
		return err
	}
	if _, err := f.WriteString(formatEnv(s.Env())); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}
