package setting

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

var project = New("manila", "project_name", "TEST_OS_PROJECT_NAME", "TEST_OS_TENANT_NAME")

func TestStringPrefersTheBlockThenTheFirstVariableSet(t *testing.T) {
	t.Setenv("TEST_OS_PROJECT_NAME", "")
	t.Setenv("TEST_OS_TENANT_NAME", " tenant ")
	if got, err := project.String(types.StringNull()); err != nil || got != "tenant" {
		t.Errorf("from the alias: %q, %v", got, err)
	}
	t.Setenv("TEST_OS_PROJECT_NAME", "project")
	if got, _ := project.String(types.StringNull()); got != "project" {
		t.Errorf("from the first variable: %q", got)
	}
	if got, _ := project.String(types.StringValue("block")); got != "block" {
		t.Errorf("from the block: %q", got)
	}
	if _, err := project.String(types.StringUnknown()); err == nil || !strings.Contains(err.Error(), "manila.project_name") {
		t.Errorf("unknown: %v", err)
	}
}

func TestBoolParsesTheVariableAndSaysWhetherItWasSet(t *testing.T) {
	insecure := New("astra", "insecure", "TEST_ASTRA_INSECURE")
	t.Setenv("TEST_ASTRA_INSECURE", "")
	if v, set, err := insecure.Bool(types.BoolNull()); v || set || err != nil {
		t.Errorf("unset: %v %v %v", v, set, err)
	}
	t.Setenv("TEST_ASTRA_INSECURE", "true")
	if v, set, err := insecure.Bool(types.BoolNull()); !v || !set || err != nil {
		t.Errorf("true: %v %v %v", v, set, err)
	}
	if v, set, _ := insecure.Bool(types.BoolValue(false)); v || !set {
		t.Errorf("block false: %v %v", v, set)
	}
	t.Setenv("TEST_ASTRA_INSECURE", "maybe")
	if _, _, err := insecure.Bool(types.BoolNull()); err == nil || !strings.Contains(err.Error(), "TEST_ASTRA_INSECURE") {
		t.Errorf("malformed: %v", err)
	}
}

func TestDescribeAndMissingNameTheAttributeAndItsVariables(t *testing.T) {
	if got := project.Describe(); got != `"project_name" (manila.project_name or the TEST_OS_PROJECT_NAME or TEST_OS_TENANT_NAME environment variable)` {
		t.Errorf("Describe = %s", got)
	}
	err := Missing("OpenStack Manila", "manila", []string{project.Describe()})
	if !strings.Contains(err.Error(), "OpenStack Manila backend is used") || !strings.Contains(err.Error(), "provider's manila block") {
		t.Errorf("Missing = %v", err)
	}
}
