package astra

import (
	"encoding/base64"

	"github.com/google/uuid"
)

// Token is the only bearer token the sandbox accepts.
const Token = "sandbox-astra-token"

// fixtureNamespace is the UUID namespace of every deterministic fixture ID.
// uuid.NewSHA1 yields version-5 UUIDs, which type_astra_identifier accepts.
var fixtureNamespace = uuid.NewSHA1(uuid.NameSpaceURL,
	[]byte("https://github.com/continuity-dr/terraform-provider-continuity/sandbox/astra"))

// fixtureID returns the deterministic ID of the fixture called name.
func fixtureID(name string) string {
	return uuid.NewSHA1(fixtureNamespace, []byte(name)).String()
}

// Deterministic fixture IDs: the same on every start.
var (
	// AccountID is the only account of the sandbox.
	AccountID = fixtureID("account")
	// UserID is the user behind the API token: createdBy and modifiedBy of
	// resources created or changed through the API.
	UserID = fixtureID("user/sandbox")
	// PreloadedHookSourceID is the ID of the read-only hook source.
	PreloadedHookSourceID = fixtureID("hookSource/netapp-preloaded-postgres")
)

// systemUserID is the nil UUID, createdBy of system-created resources
// (astra.md §1.1).
const systemUserID = "00000000-0000-0000-0000-000000000000"

// fixtureTime is the creation time of every fixture.
const fixtureTime = "2024-02-01T00:00:00Z"

// preloadedPostgresScript is the script of the preloaded hook source.
const preloadedPostgresScript = `#!/bin/sh
# NetApp preloaded execution hook for PostgreSQL (sandbox fixture).
# pre: flush dirty pages before the snapshot; post: nothing to undo.
case "$1" in
  pre) psql -U "${PGUSER:-postgres}" -c 'CHECKPOINT;' ;;
  post) exit 0 ;;
  *) echo "usage: $0 pre|post" >&2; exit 1 ;;
esac`

// preloadedHookSources returns the read-only hook sources present at start.
// They are private, so GET never shows their source.
func preloadedHookSources() []*hookSource {
	description := "NetApp Postgres preloaded snapshot pre and post"
	h := &hookSource{
		id:          PreloadedHookSourceID,
		name:        "NetApp preloaded postgres",
		sourceType:  sourceTypeScript,
		description: &description,
		private:     true,
		preloaded:   true,
		labels:      []label{},
		createdAt:   fixtureTime,
		modifiedAt:  fixtureTime,
		createdBy:   systemUserID,
	}
	h.setSource(base64.StdEncoding.EncodeToString([]byte(preloadedPostgresScript)))
	return []*hookSource{h}
}
