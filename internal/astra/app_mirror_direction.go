package astra

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Which way a relationship runs, in the configured meaning of its
// attributes (reversed).

// direction tells whether live runs in the configured direction or
// reversed. With a known destination app, the IDs tell. Without one (after
// an import, or a creation whose wait failed) source_app_id tells; after a
// plain import it is unknown (see createdReversed).
func direction(state appMirrorResourceModel, live *AppMirror, diags interface{ AddWarning(string, string) }) bool {
	src := state.SourceAppID.ValueString()
	if state.DestinationAppID.ValueString() != "" {
		switch {
		case state.isReversed(live):
			return true
		case live.SourceAppID == src:
			return false
		}
		diags.AddWarning("AppMirror apps changed",
			fmt.Sprintf("%s %q now replicates app %s to app %s, neither of which is the configured pair (%s, %s); the state "+
				"takes the API's apps, and the plan shows the difference.", appMirrorTypeName, live.ID, live.SourceAppID,
				live.DestinationAppID, src, state.DestinationAppID.ValueString()))
		return false
	}
	return src != "" && src != live.SourceAppID && src == live.DestinationAppID
}

// createdReversed tells, after an import by ID alone, whether live runs
// towards the app it was created to replicate: Astra Control creates the
// destination app when the relationship is created, while the replicated
// app existed before. So when the API's current source app was created no
// earlier than the relationship and its destination app before it, the
// relationship was reversed, and source_app_id is its destination app.
// When the timestamps are missing or say nothing clear, the current
// direction is taken as the configured one.
func (r *appMirrorResource) createdReversed(ctx context.Context, live *AppMirror) bool {
	if live.Metadata == nil || live.DestinationAppID == "" {
		return false
	}
	created, ok := parseTimestamp(live.Metadata.CreationTimestamp)
	if !ok {
		return false
	}
	appCreated := func(id string) (time.Time, bool) {
		a, err := r.client.GetApp(ctx, id)
		if err != nil || a.Metadata == nil {
			tflog.Debug(ctx, "import: cannot read the creation time of an app", map[string]any{"app": id, "error": fmt.Sprint(err)})
			return time.Time{}, false
		}
		return parseTimestamp(a.Metadata.CreationTimestamp)
	}
	src, okSrc := appCreated(live.SourceAppID)
	dest, okDest := appCreated(live.DestinationAppID)
	reversed := okSrc && okDest && !src.Before(created) && dest.Before(created)
	tflog.Info(ctx, "import: direction of the AppMirror from creation times", map[string]any{"id": live.ID, "reversed": reversed})
	return reversed
}

// parseTimestamp parses a type_astra_time.
func parseTimestamp(s string) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339Nano, s)
	return t, err == nil
}
