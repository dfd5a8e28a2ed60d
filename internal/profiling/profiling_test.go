package profiling

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStartWritesProfilesAndUsage(t *testing.T) {
	dir := t.TempDir()
	usage := filepath.Join(dir, "usage.jsonl")
	t.Setenv(EnvPprofDir, dir)
	t.Setenv(EnvRusageFile, usage)
	stop := Start()
	sum := 0
	for i := range 1_000_000 {
		sum += i
	}
	_ = sum
	stop()
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	joined := strings.Join(names, " ")
	if !strings.Contains(joined, "cpu-") || !strings.Contains(joined, "heap-") {
		t.Errorf("files %v, want a CPU and a heap profile", names)
	}
	data, err := os.ReadFile(usage)
	if err != nil {
		t.Fatal(err)
	}
	var u Usage
	if err := json.Unmarshal([]byte(strings.TrimSpace(string(data))), &u); err != nil || u.MaxRSSKB <= 0 || u.PID != os.Getpid() {
		t.Errorf("usage %s (%v)", data, err)
	}
}

func TestStartDoesNothingWithoutTheVariables(t *testing.T) {
	t.Setenv(EnvPprofDir, "")
	t.Setenv(EnvRusageFile, "")
	Start()()
}
