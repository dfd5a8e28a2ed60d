package acctest

import (
	"context"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// stateWith builds the state a check receives, as the test harness does
// (a root module holding the resources).
func stateWith(resources map[string]string) *terraform.State {
	root := &terraform.ModuleState{Path: []string{"root"}, Resources: map[string]*terraform.ResourceState{}}
	for addr, typ := range resources {
		root.Resources[addr] = &terraform.ResourceState{Type: typ, Primary: &terraform.InstanceState{ID: addr + "-id"}}
	}
	return &terraform.State{Modules: []*terraform.ModuleState{root}}
}

func TestCheckDestroyedAsksEachTypesFinder(t *testing.T) {
	exists := map[string]bool{}
	finder := Find(func(_ context.Context, id string) (string, error) {
		if exists[id] {
			return id, nil
		}
		return "", &apierr.NotFoundError{Kind: "thing", ID: id}
	})
	check := CheckDestroyed(map[string]Finder{"continuity_thing": finder})
	s := stateWith(map[string]string{"continuity_thing.a": "continuity_thing", "other.b": "other"})
	if err := check(s); err != nil {
		t.Fatalf("gone object reported: %v", err)
	}
	exists["continuity_thing.a-id"] = true
	if err := check(s); err == nil || !strings.Contains(err.Error(), "still exists") {
		t.Fatalf("existing object not reported: %v", err)
	}
}

func TestIDCaptureAndBase64(t *testing.T) {
	var id ID
	if err := id.Capture("continuity_thing.a")(stateWith(map[string]string{"continuity_thing.a": "continuity_thing"})); err != nil || id.Value != "continuity_thing.a-id" {
		t.Fatalf("Capture = %q, %v", id.Value, err)
	}
	if err := id.Capture("missing.x")(stateWith(nil)); err == nil {
		t.Error("a missing resource was captured")
	}
	if Base64("#!/bin/sh\n") != "IyEvYmluL3NoCg==" {
		t.Error("Base64 wrong")
	}
}
