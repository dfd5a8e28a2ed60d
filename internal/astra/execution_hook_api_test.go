package astra

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestExecutionHookBodyAlwaysCarriesTheLists(t *testing.T) {
	b, err := json.Marshal(ExecutionHookInput{Name: "h", AppID: "a", HookSourceID: "s", Action: "backup", Stage: "post"}.body())
	if err != nil {
		t.Fatal(err)
	}
	// A PUT keeps the values of absent fields, so clearing must send [] and "".
	for _, want := range []string{`"arguments":[]`, `"matchingCriteria":[]`, `"description":""`, `"enabled":"false"`, `"hookType":"custom"`, `"version":"1.3"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("body %s lacks %s", b, want)
		}
	}
}
