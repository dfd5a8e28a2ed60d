package manila

import (
	"context"
	"errors"
	"fmt"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// apiSpan is a part of Manila's API that exists over a span of
// microversions (manila-groups.md §1): what a resource needs of the
// server.
type apiSpan struct {
	// what names the part: "Consistency groups".
	what string
	// from is its first microversion; to its last (zero: no end).
	from, to Version
	// tooOld and tooNew say what to do instead on a server below from,
	// or past to.
	tooOld, tooNew string
	// gone, when set, is wrapped by the error of a server past to.
	gone error
}

// The spans the resources need.
var (
	consistencyGroupAPI = apiSpan{
		what: "Consistency groups", from: Version{2, 4}, to: Version{2, 30},
		tooOld: "upgrade Manila to Liberty or later (up to Newton)",
		tooNew: "use continuity_manila_share_group and continuity_manila_share_group_snapshot, which replaced them",
		gone:   ErrNoConsistencyGroups,
	}
	shareGroupAPI = apiSpan{
		what: "Share groups", from: Version{2, 31},
		tooOld: "this is a Manila of Newton or earlier: use continuity_manila_consistency_group and " +
			"continuity_manila_consistency_group_snapshot instead",
	}
	replicaAPI = apiSpan{what: "Share replicas", from: Version{2, 11}, tooOld: "upgrade Manila to Mitaka or later"}
	revertAPI  = apiSpan{
		what: "Reverting a share to a snapshot (revert_to_snapshot_id)", from: Version{2, 27},
		tooOld: "upgrade Manila to Ocata or later, or restore from the snapshot with a new share (snapshot_id)",
	}
	exportLocationAPI = apiSpan{what: "The export locations API", from: Version{2, 9}}
	replicaNetworkAPI = apiSpan{what: "A share network of its own for a replica (share_network_id)", from: Version{2, 72},
		tooOld: "leave share_network_id out: the replica then uses its share's network"}
	replicaExportAPI = apiSpan{what: "The export locations of replicas", from: Version{2, 47}}
)

// VersionError says that the server's microversions lack a part of the
// API a configuration uses.
type VersionError struct {
	Span   apiSpan
	Server Version
}

func (e *VersionError) Error() string {
	s := e.Span
	need := fmt.Sprintf("microversion %s or later", s.from)
	if s.to != (Version{}) {
		need = fmt.Sprintf("a microversion from %s to %s", s.from, s.to)
	}
	msg := fmt.Sprintf("%s need %s, and this Manila server's maximum microversion is %s", s.what, need, e.Server)
	advice := s.tooOld
	if !e.Server.Less(s.from) {
		advice = s.tooNew
		if s.gone != nil {
			msg += ": " + s.gone.Error()
		}
	}
	if advice != "" {
		msg += ": " + advice
	}
	return msg
}

func (e *VersionError) Unwrap() error {
	if !e.Server.Less(e.Span.from) {
		return e.Span.gone
	}
	return nil
}

// within reports whether v is in the span.
func (s apiSpan) within(v Version) bool {
	return !v.Less(s.from) && (s.to == (Version{}) || !s.to.Less(v))
}

// Require returns a *VersionError when the negotiated microversion (the
// server's maximum, up to the newest the provider knows) is outside s, and
// the error of the negotiation when there is one.
func (c *Client) Require(ctx context.Context, s apiSpan) error {
	v, err := c.Microversion(ctx)
	if err != nil {
		return err
	}
	if !s.within(v) {
		return &VersionError{Span: s, Server: v}
	}
	return nil
}

// IsVersionError reports a *VersionError.
func IsVersionError(err error) bool {
	var ve *VersionError
	return errors.As(err, &ve)
}

// versionRefused reports at plan time that the server cannot serve what
// the configuration asks: on the attribute at (the resource as a whole
// when at is empty), with the version needed. Any other error of the
// negotiation is reported too. It returns false when it added an error.
func versionRefused(ctx context.Context, c *Client, s apiSpan, typeName, at string, diags *diag.Diagnostics) bool {
	if c == nil {
		return true
	}
	err := c.Require(ctx, s)
	switch {
	case err == nil:
		return true
	case IsVersionError(err):
		summary := "Not supported by this Manila"
		detail := err.Error() + ". Nothing has been changed."
		if at == "" {
			diags.AddError(summary, typeName+": "+detail)
		} else {
			diags.AddAttributeError(path.Root(at), summary, detail)
		}
	default:
		apierr.AddError(diags, "negotiating the Manila microversion for", typeName, "", err)
	}
	return false
}
