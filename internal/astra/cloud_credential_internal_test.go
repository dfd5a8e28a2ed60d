package astra

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/transport"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// fakeConfig answers the key store of a configuration.
type fakeConfig map[string]string

func (c fakeConfig) GetAttribute(_ context.Context, _ path.Path, target any) diag.Diagnostics {
	*(target.(*map[string]string)) = c
	return nil
}

// The values of a key store never reach a log, as given or in base64,
// whatever their keys are called: the transport masks by key name
// (accessSecret), the credential's context masks every value (a service
// account's JSON key under "base64").
func TestKeyStoreMaskedInLogs(t *testing.T) {
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, `{"type":"application/astra-credential","version":"1.1","id":"x","name":"sa","keyType":"generic","valid":"true"}`)
	}))
	defer srv.Close()
	hc, err := transport.New(transport.Options{SecretValues: []string{"tok"}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewClient(Settings{Endpoint: srv.URL, AccountID: "acc", APIToken: "tok"}, hc)
	if err != nil {
		t.Fatal(err)
	}
	const private = `{"type":"service_account","private_key":"-----BEGIN KEY-----MIIEvQ"}`
	var diags diag.Diagnostics
	ctx, plain := keyStoreFrom(ctx, fakeConfig{"base64": private, "project": "dr-project-42"}, &diags)
	if _, err := c.CreateCredential(ctx, CredentialInput{Name: "sa", KeyType: "generic", Valid: true, KeyStore: encodeKeyStore(plain)}); err != nil {
		t.Fatal(err)
	}
	text := logs.String()
	if !strings.Contains(text, "core/v1/credentials") || !strings.Contains(text, "keyStore") {
		t.Fatalf("the request body was not logged at all:\n%s", text)
	}
	for _, secret := range []string{"dr-project-42", base64.StdEncoding.EncodeToString([]byte("dr-project-42")),
		base64.StdEncoding.EncodeToString([]byte(private))} {
		if strings.Contains(text, secret) {
			t.Errorf("the logs hold %q", secret)
		}
	}
}
