package providerdata

import (
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

type client struct{ name string }

type source interface{ Client() (*client, error) }

type meta struct {
	c   *client
	err error
}

func (m meta) Client() (*client, error) { return m.c, m.err }

func TestClient(t *testing.T) {
	var diags diag.Diagnostics
	if c := Client(nil, "Astra Control", source.Client, &diags); c != nil || diags.HasError() {
		t.Fatalf("nil provider data: %v %v", c, diags)
	}
	if c := Client(meta{c: &client{"x"}}, "Astra Control", source.Client, &diags); c == nil || c.name != "x" || diags.HasError() {
		t.Fatalf("configured: %v %v", c, diags)
	}
	c := Client(meta{err: errors.New(`"api_token" (ASTRA_API_TOKEN) is missing`)}, "Astra Control", source.Client, &diags)
	if c != nil || !diags.HasError() || diags[0].Summary() != "Astra Control backend not configured" || !strings.Contains(diags[0].Detail(), "ASTRA_API_TOKEN") {
		t.Fatalf("missing setting: %v %v", c, diags)
	}
	diags = nil
	if c := Client("not a source", "Astra Control", source.Client, &diags); c != nil || !diags.HasError() || !strings.Contains(diags[0].Detail(), "string") {
		t.Fatalf("wrong type: %v %v", c, diags)
	}
}
