package manila

import (
	"encoding/json"
	"net"
	"net/http"
	"regexp"
)

// accessUser is the format of a user access rule (4 to 255 word
// characters or .-_`;'{}[]\).
var accessUser = regexp.MustCompile("^[\\w\\.\\-_`;'\\{\\}\\[\\]\\\\]{4,255}$")

// allowAccess is the allow_access action: the rule is queued, then active
// (manila.share_access.allow); a rule that exists is refused.
func (a *API) allowAccess(c *call) *fault {
	s, f := a.shareOfPath(c)
	if f != nil {
		return f
	}
	var body struct {
		Type, To string
		Level    *string
	}
	var raw struct {
		Type  string  `json:"access_type"`
		To    string  `json:"access_to"`
		Level *string `json:"access_level"`
	}
	_ = json.Unmarshal(c.body, &raw)
	body.Type, body.To, body.Level = raw.Type, raw.To, raw.Level
	level := "rw"
	if body.Level != nil {
		level = *body.Level
	}
	if level != "rw" && level != "ro" {
		return badRequest("Invalid or unsupported share access level: " + level + ".")
	}
	switch body.Type {
	case "ip":
		if net.ParseIP(body.To) == nil {
			if _, _, err := net.ParseCIDR(body.To); err != nil {
				return badRequest("Invalid input received: Invalid IP access: " + body.To + ".")
			}
		}
	case "user":
		if !accessUser.MatchString(body.To) {
			return badRequest("Invalid input received: Invalid user or group name: " + body.To + ".")
		}
	case "cert":
		if n := len(body.To); n < 1 || n > 64 {
			return badRequest("Invalid input received: Invalid CN (common name). Must be 1-64 chars long.")
		}
	case "cephx":
		if c.version.less(mustVersion("2.13")) {
			return badRequest("Invalid input received: Only 'ip', 'user' or 'cert' access types are supported.")
		}
	default:
		return badRequest("Invalid input received: Only 'ip', 'user', 'cert' or 'cephx' access types are supported.")
	}
	for _, r := range a.db.rulesOf(s.id) {
		if r.accessType == body.Type && r.accessTo == body.To {
			return badRequest("Share access " + body.Type + ":" + body.To + " exists.")
		}
	}
	r := &accessRule{id: newID(), shareID: s.id, accessType: body.Type, accessTo: body.To, accessLevel: level, createdAt: c.now, metadata: []spec{}}
	if body.Type == "cephx" {
		r.accessKey = strPtr("AQB" + randomID(18) + "==")
	}
	op := kindAccess + opAllow
	done := r.begin(op, c.now.Add(a.opts.Transition), accessQueuedToApply, accessActive, accessError, a.opts.Hooks.Faults.Fail(op))
	a.setEffect(done, effect{kind: effectRuleApplied, rule: r})
	a.db.accessRules.Add(r)
	writeJSON(c.w, http.StatusOK, object{{"access", c.accessView(r, true)}})
	return nil
}

// denyAccess is the deny_access action: the rule is queued for denial,
// then gone (manila.share_access.deny).
func (a *API) denyAccess(c *call) *fault {
	s, f := a.shareOfPath(c)
	if f != nil {
		return f
	}
	var body struct {
		ID string `json:"access_id"`
	}
	_ = json.Unmarshal(c.body, &body)
	r, ok := a.db.accessRules.Get(body.ID)
	if !ok || r.shareID != s.id {
		return notFound("Access rule " + body.ID + " not found.")
	}
	op := kindAccess + opDeny
	r.begin(op, c.now.Add(a.opts.Transition), accessQueuedToDeny, statusGone, accessError, a.opts.Hooks.Faults.Fail(op))
	writeAccepted(c.w)
	return nil
}

// accessList is the access_list action (up to 2.44).
func (a *API) accessList(c *call) *fault {
	s, f := a.shareOfPath(c)
	if f != nil {
		return f
	}
	items := []object{}
	for _, r := range a.db.rulesOf(s.id) {
		a.observe(r.id, &r.lifecycle)
		items = append(items, c.accessView(r, false))
	}
	writeJSON(c.w, http.StatusOK, object{{"access_list", items}})
	return nil
}

// listAccessRules answers GET /share-access-rules?share_id= (2.45).
func (a *API) listAccessRules(c *call) *fault {
	id := c.query().Get("share_id")
	if id == "" {
		return badRequest("A share ID must be specified.")
	}
	s := a.db.share(c.tok, id)
	if s == nil {
		return notFound("Share " + id + " could not be found.")
	}
	items := []object{}
	for _, r := range a.db.rulesOf(s.id) {
		a.observe(r.id, &r.lifecycle)
		items = append(items, c.accessView(r, true))
	}
	writeJSON(c.w, http.StatusOK, object{{"access_list", items}})
	return nil
}

// showAccessRule answers GET /share-access-rules/{id} (2.45).
func (a *API) showAccessRule(c *call) *fault {
	id := c.r.PathValue("id")
	r := a.db.accessRule(c.tok, id)
	if r == nil {
		return notFound("Share access rule " + id + " could not be found.")
	}
	a.observe(r.id, &r.lifecycle)
	writeJSON(c.w, http.StatusOK, object{{"access", c.accessView(r, true)}})
	return nil
}

// accessState is a rule's state as the microversion shows it: before
// 2.28 a queued rule is new, and one queued for denial still active.
func (c *call) accessState(state string) string {
	if c.version.atLeast(v228) {
		return state
	}
	switch state {
	case accessQueuedToApply:
		return "new"
	case accessQueuedToDeny:
		return accessActive
	}
	return state
}

// accessView is an access rule (manila/api/views/share_accesses.py): the
// share ID only outside lists, the key from 2.21, the times from 2.33,
// the metadata from 2.45.
func (c *call) accessView(r *accessRule, withShare bool) object {
	o := object{}
	if withShare {
		o = append(o, field{"share_id", r.shareID})
	}
	o = append(o, field{"access_type", r.accessType}, field{"access_to", r.accessTo}, field{"access_level", r.accessLevel},
		field{"state", c.accessState(r.status)}, field{"id", r.id})
	if c.version.atLeast(v221) {
		o = append(o, field{"access_key", r.accessKey})
	}
	if c.version.atLeast(v233) {
		var updated *string
		if r.updatedAt != nil {
			updated = strPtr(dbTime(*r.updatedAt))
		}
		o = append(o, field{"created_at", dbTime(r.createdAt)}, field{"updated_at", updated})
	}
	if c.version.atLeast(v245) {
		meta := object{}
		for _, m := range r.metadata {
			meta = append(meta, field{m.key, m.value})
		}
		o = append(o, field{"metadata", meta})
	}
	return o
}
