package astra

import (
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

func TestFieldNamed(t *testing.T) {
	e := &apierr.Error{Fields: []apierr.Field{{Name: "namespaceMapping[0].role"}}}
	if !fieldNamed(e, "namespaceMapping") || fieldNamed(e, "namespace") || fieldNamed(e, "storageClasses") {
		t.Error("fieldNamed")
	}
}
