package main

import "testing"

func TestQuietUnwatchedLogs(t *testing.T) {
	run := func(env map[string]string) map[string]string {
		set := map[string]string{}
		quietUnwatchedLogs(func(k string) (string, bool) { v, ok := env[k]; return v, ok },
			func(k, v string) error { set[k] = v; return nil })
		return set
	}
	if set := run(map[string]string{}); set["TF_LOG_SDK"] != "off" || set["TF_LOG_SDK_PROTO"] != "off" ||
		set["TF_LOG_SDK_FRAMEWORK"] != "off" || set["TF_LOG_PROVIDER"] != "off" {
		t.Errorf("without TF_LOG: %v, want every plugin logger off", set)
	}
	for _, name := range []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_SDK_FRAMEWORK", "TF_ACC_LOG_PATH"} {
		if set := run(map[string]string{name: "trace"}); len(set) != 0 {
			t.Errorf("with %s: %v, want the loggers untouched", name, set)
		}
	}
	if set := run(map[string]string{"TF_LOG": ""}); len(set) == 0 {
		t.Error("an empty TF_LOG counts as set")
	}
}
