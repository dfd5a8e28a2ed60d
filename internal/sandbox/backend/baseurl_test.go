package backend

import (
	"net/http/httptest"
	"testing"
)

func TestBaseURLKeepsTheTenantsPrefix(t *testing.T) {
	r := httptest.NewRequest("GET", "http://sandbox:8787/v3/auth/tokens", nil)
	if got := BaseURL(r); got != "http://sandbox:8787" {
		t.Errorf("BaseURL = %q", got)
	}
	if got := BaseURL(WithPrefix(r, "/_tenants/t1")); got != "http://sandbox:8787/_tenants/t1" {
		t.Errorf("with a prefix: %q", got)
	}
}
