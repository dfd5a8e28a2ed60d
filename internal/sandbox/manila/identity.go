package manila

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"slices"
	"sync"
	"time"
)

// identity is the Keystone state: the fixtures and the issued tokens.
type identity struct {
	now      func() time.Time
	ttl      time.Duration
	projects []project
	users    []user
	appCreds []appCredential

	mu     sync.Mutex
	tokens map[string]*token
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
		projects: fixtureProjects(), users: fixtureUsers(), appCreds: fixtureAppCredentials(),
		tokens: map[string]*token{},
	}
}

func (id *identity) userByID(userID string) (user, bool) {
	i := slices.IndexFunc(id.users, func(u user) bool { return u.id == userID })
	if i < 0 {
		return user{}, false
	}
	return id.users[i], true
}

func (id *identity) userByName(name string) (user, bool) {
	i := slices.IndexFunc(id.users, func(u user) bool { return u.name == name })
	if i < 0 {
		return user{}, false
	}
	return id.users[i], true
}

func (id *identity) project(projectID string) (project, bool) {
	i := slices.IndexFunc(id.projects, func(p project) bool { return p.id == projectID })
	if i < 0 {
		return project{}, false
	}
	return id.projects[i], true
}

func (id *identity) projectByName(name string) (project, bool) {
	i := slices.IndexFunc(id.projects, func(p project) bool { return p.name == name })
	if i < 0 {
		return project{}, false
	}
	return id.projects[i], true
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
	id.mu.Lock()
	defer id.mu.Unlock()
	id.tokens[t.id] = &t
	return &t
}

// validate returns the live token with this ID.
func (id *identity) validate(tokenID string) (*token, bool) {
	id.mu.Lock()
	defer id.mu.Unlock()
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
func (id *identity) revoke(tokenID string) {
	id.mu.Lock()
	defer id.mu.Unlock()
	delete(id.tokens, tokenID)
}

// isAdmin reports whether a token carries the admin role (Manila's
// context.is_admin and the rule:admin_api policy).
func (t *token) isAdmin() bool {
	return slices.ContainsFunc(t.roles, func(r role) bool { return r.name == roleAdmin.name })
}
