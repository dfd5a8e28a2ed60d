package manila

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"slices"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/store"
)

// identity is the Keystone state: the fixtures and the issued tokens. Its
// methods expect the emulator's lock held.
type identity struct {
	now      func() time.Time
	ttl      time.Duration
	projects *store.Table[project]
	users    *store.Table[user]
	appCreds *store.Table[appCredential]
	// tokens are looked up by ID on every call, hence a map.
	tokens map[string]*token
}

// role is a Keystone role.
type role struct{ id, name string }

// project is a Keystone project.
type project struct{ id, name string }

// user is a Keystone user with its role assignments per project.
type user struct {
	id, name, password string
	roles              map[string][]role // project ID → roles
}

// appCredential is a Keystone application credential: bound to one user
// and one project, with a subset of the user's roles there.
type appCredential struct {
	id, name, secret string
	userID           string
	projectID        string
	roles            []role
}

// token is an issued Keystone token.
type token struct {
	id        string
	userID    string
	projectID string // "" for an unscoped token
	roles     []role
	methods   []string
	appCredID string
	issuedAt  time.Time
	expiresAt time.Time
	auditID   string
}

func newIdentity(now func() time.Time, ttl time.Duration) *identity {
	return &identity{
		now: now, ttl: ttl,
		projects: store.NewTable(func(p *project) string { return p.id }, fixtureProjects()...),
		users:    store.NewTable(func(u *user) string { return u.id }, fixtureUsers()...),
		appCreds: store.NewTable(func(c *appCredential) string { return c.id }, fixtureAppCredentials()...),
		tokens:   map[string]*token{},
	}
}

func (id *identity) userByName(name string) (*user, bool) {
	return id.users.Find(func(u *user) bool { return u.name == name })
}

func (id *identity) projectByName(name string) (*project, bool) {
	return id.projects.Find(func(p *project) bool { return p.name == name })
}

// randomID returns n random bytes in hex.
func randomID(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// issue records a new token.
func (id *identity) issue(t token) *token {
	now := id.now()
	t.id = "gAAAAA" + randomID(32) // Fernet tokens start with gAAAAA.
	t.issuedAt = now
	t.expiresAt = now.Add(id.ttl)
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	t.auditID = base64.RawURLEncoding.EncodeToString(b)[:22]
	id.tokens[t.id] = &t
	return &t
}

// validate returns the live token with this ID; an expired one is dropped.
func (id *identity) validate(tokenID string) (*token, bool) {
	t, ok := id.tokens[tokenID]
	if !ok {
		return nil, false
	}
	if !id.now().Before(t.expiresAt) {
		delete(id.tokens, tokenID)
		return nil, false
	}
	return t, true
}

// revoke invalidates a token.
func (id *identity) revoke(tokenID string) { delete(id.tokens, tokenID) }

// isAdmin reports whether a token carries the admin role (Manila's
// context.is_admin and the rule:admin_api policy).
func (t *token) isAdmin() bool {
	return slices.ContainsFunc(t.roles, func(r role) bool { return r.name == roleAdmin.name })
}

// token returns the live token with this ID, under the emulator's lock.
func (a *API) token(id string) (*token, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.identity.validate(id)
}
