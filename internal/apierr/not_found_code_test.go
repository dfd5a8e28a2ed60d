package apierr

import (
	"fmt"
	"testing"
)

func TestNotFoundCodeWrapsTheAPIsOwnCode(t *testing.T) {
	gone := &Error{Service: "S", Operation: "GET /x", StatusCode: 400, Code: "SDRS.1013"}
	invalid := &Error{Service: "S", Operation: "GET /x", StatusCode: 400, Code: "SDRS.0201"}
	e404 := &Error{Service: "S", Operation: "GET /x", StatusCode: 404}
	if err := NotFoundCode("group", "1", fmt.Errorf("w: %w", gone), "SDRS.1013"); !IsNotFound(err) {
		t.Errorf("400 SDRS.1013 not recognised: %v", err)
	}
	if err := NotFoundCode("group", "1", e404, "SDRS.1013"); !IsNotFound(err) {
		t.Errorf("404 not recognised: %v", err)
	}
	if err := NotFoundCode("group", "1", invalid, "SDRS.1013"); IsNotFound(err) {
		t.Errorf("400 SDRS.0201 recognised as not found: %v", err)
	}
	if NotFoundCode("group", "1", nil, "SDRS.1013") != nil {
		t.Error("nil error became non-nil")
	}
}
