package manila

import (
	"net/http"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// identityVersionView is Keystone's version document.
func identityVersionView(r *http.Request) object {
	return object{{"version", object{
		{"id", "v3.10"}, {"status", "stable"}, {"updated", "2018-02-28T00:00:00Z"},
		{"links", []object{{{"rel", "self"}, {"href", backend.BaseURL(r) + "/v3/"}}}},
		{"media-types", []object{{{"base", "application/json"}, {"type", "application/vnd.openstack.identity-v3+json"}}}},
	}}}
}

// tokenView renders a token as Keystone does, with the catalog of a
// project-scoped token.
func (a *API) tokenView(r *http.Request, t *token) object {
	u, _ := a.identity.users.Get(t.userID)
	domain := object{{"id", DomainID}, {"name", DomainName}}
	roles := make([]object, 0, len(t.roles))
	for _, rl := range t.roles {
		roles = append(roles, object{{"id", rl.id}, {"name", rl.name}})
	}
	view := object{
		{"methods", t.methods},
		{"user", object{{"domain", domain}, {"id", u.id}, {"name", u.name}, {"password_expires_at", nil}}},
		{"audit_ids", []string{t.auditID}},
		{"expires_at", t.expiresAt.UTC().Format("2006-01-02T15:04:05.000000Z")},
		{"issued_at", t.issuedAt.UTC().Format("2006-01-02T15:04:05.000000Z")},
	}
	if t.projectID == "" {
		return object{{"token", view}}
	}
	p, _ := a.identity.projects.Get(t.projectID)
	view = append(view,
		field{"project", object{{"domain", domain}, {"id", p.id}, {"name", p.name}}},
		field{"is_domain", false},
		field{"roles", roles},
		field{"catalog", a.catalog(backend.BaseURL(r), t.projectID)},
	)
	if c, ok := a.identity.appCreds.Get(t.appCredID); ok {
		view = append(view, field{"application_credential", object{{"id", c.id}, {"name", c.name}, {"restricted", true}}})
	}
	return object{{"token", view}}
}

// catalog returns the service catalog: Keystone itself, and Manila v2
// under both of its service types (sharev2 and shared-file-system), with a
// public, an internal and an admin endpoint each.
func (a *API) catalog(base, projectID string) []object {
	entry := func(serviceType, name, url string) object {
		var endpoints []object
		for _, iface := range []string{"public", "internal", "admin"} {
			endpoints = append(endpoints, object{
				{"id", keystoneID("endpoint/" + serviceType + "/" + iface)},
				{"interface", iface}, {"region", RegionName}, {"region_id", RegionName}, {"url", url},
			})
		}
		return object{{"endpoints", endpoints}, {"id", keystoneID("service/" + serviceType)}, {"type", serviceType}, {"name", name}}
	}
	manilaURL := base + "/v2/" + projectID
	return []object{
		entry("identity", "keystone", base+"/v3"),
		entry("sharev2", "manilav2", manilaURL),
		entry("shared-file-system", "manila", manilaURL),
	}
}
