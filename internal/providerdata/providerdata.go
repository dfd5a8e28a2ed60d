// Package providerdata hands each backend the client the provider built for
// it in Configure.
package providerdata

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Client returns a backend's client from the provider data, through get (a
// method expression such as astra.ClientSource.AstraClient). When the backend
// is not configured it adds an error carrying get's reason, which names the
// missing settings. Nil provider data (validation before Configure) returns
// the zero client without a diagnostic.
func Client[S, C any](providerData any, backend string, get func(S) (C, error), diags *diag.Diagnostics) C {
	var zero C
	if providerData == nil {
		return zero
	}
	src, ok := providerData.(S)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected the %s client source, got %T. This is a bug in the provider; please report it.", backend, providerData))
		return zero
	}
	c, err := get(src)
	if err != nil {
		diags.AddError(backend+" backend not configured", err.Error())
		return zero
	}
	return c
}
