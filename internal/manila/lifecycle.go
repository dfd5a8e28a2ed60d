package manila

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// The steps the resources of this package share, for objects read by one
// call and waited on with a watcher.

// readOrGone reads object id for Read: a missing object is removed from
// the state with a warning, another error reported; ok is false then.
func readOrGone[T any](ctx context.Context, resp *resource.ReadResponse, typeName, id string,
	get func(ctx context.Context, id string) (*T, error),
) (*T, bool) {
	obj, err := get(ctx, id)
	if apierr.IsNotFound(err) {
		apierr.RemoveGone(ctx, resp, apierr.Gone{TypeName: typeName, ID: id, Service: "Manila"})
		return nil, false
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", typeName, id, err)
		return nil, false
	}
	return obj, true
}

// awaitAvailable waits for the creation of object id to end with w, saving
// the last object read into m (through fromAPI) and state; a wait that ends
// early is reported for its phase (an interruption is a warning: the next
// apply resumes).
func awaitAvailable[T, M any](ctx context.Context, w watcher[T], typeName, id string, phase apierr.Phase, message func(*T) string,
	m *M, fromAPI func(*M, *T), state *tfsdk.State, diags *diag.Diagnostics,
) {
	obj, err := w.untilAvailable(ctx, id, message)
	if obj != nil {
		fromAPI(m, obj)
		diags.Append(state.Set(ctx, m)...)
	}
	if err != nil {
		apierr.AddWaitError(diags, phase, "waiting for the creation of", typeName, id, err)
	}
}

// renameOrRead changes an object's name and description when they
// changed, and reads it otherwise (only timeouts changed, or a creation is
// to be awaited).
func renameOrRead[T any](ctx context.Context, id string, changed bool, get func(ctx context.Context, id string) (*T, error),
	rename func(ctx context.Context, id string) (*T, error),
) (*T, error) {
	if changed {
		return rename(ctx, id)
	}
	return get(ctx, id)
}
