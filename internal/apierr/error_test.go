package apierr

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

func TestErrorRendersCodeMessageAndFields(t *testing.T) {
	err := &Error{
		Service: "Astra Control", Operation: "POST /core/v1/hookSources", StatusCode: 409,
		Code: "problem 10", Title: "JSON resource conflict", Message: "The request body JSON contains a field that conflicts with an idempotent value.",
		Fields: []Field{{Name: "name", Reason: "name already in use"}}, RequestID: "abc",
	}
	got := err.Error()
	for _, want := range []string{"Astra Control API POST /core/v1/hookSources", "HTTP 409", "problem 10: JSON resource conflict", "conflicts with an idempotent value", "name: name already in use", "[request abc]"} {
		if !strings.Contains(got, want) {
			t.Errorf("Error() = %q, missing %q", got, want)
		}
	}
}

func TestNotFoundWrapsOnly404(t *testing.T) {
	e404 := &Error{Service: "S", Operation: "GET /x", StatusCode: 404}
	e500 := &Error{Service: "S", Operation: "GET /x", StatusCode: 500}
	if err := NotFound("thing", "1", fmt.Errorf("wrapped: %w", e404)); !IsNotFound(err) {
		t.Errorf("404 not recognised as not found: %v", err)
	}
	if err := NotFound("thing", "1", e500); IsNotFound(err) {
		t.Errorf("500 recognised as not found: %v", err)
	}
	if NotFound("thing", "1", nil) != nil {
		t.Error("nil error became non-nil")
	}
	if StatusCode(fmt.Errorf("x: %w", e500)) != 500 {
		t.Error("StatusCode does not unwrap")
	}
}

func TestAddErrorNamesObjectAndAdvice(t *testing.T) {
	var diags diag.Diagnostics
	AddError(&diags, "creating", "continuity_astra_hook_source", "", &Error{Service: "Astra Control", Operation: "POST /x", StatusCode: 401, Code: "problem 4", Hint: "Check api_token (ASTRA_API_TOKEN)."})
	if !diags.HasError() {
		t.Fatal("no error added")
	}
	d := diags.Errors()[0]
	if d.Summary() != "Error creating continuity_astra_hook_source" {
		t.Errorf("summary = %q", d.Summary())
	}
	if !strings.Contains(d.Detail(), "problem 4") || !strings.Contains(d.Detail(), "ASTRA_API_TOKEN") {
		t.Errorf("detail = %q", d.Detail())
	}
	if got := Detail(fmt.Errorf("waiting: %w", context.DeadlineExceeded)); !strings.Contains(got, "timeouts") {
		t.Errorf("deadline detail = %q", got)
	}
	if got := (&Error{StatusCode: 429}).Advice(); !strings.Contains(got, "throttled") {
		t.Errorf("429 advice = %q", got)
	}
}
