package manila

import "time"

// States of access rules (manila-groups.md §13.4; constants.py).
const (
	accessQueuedToApply = "queued_to_apply"
	accessActive        = "active"
	accessQueuedToDeny  = "queued_to_deny"
	accessError         = "error"
)

// accessRule is a rule of a share's access list.
type accessRule struct {
	id, shareID                       string
	accessType, accessTo, accessLevel string
	accessKey                         *string
	metadata                          []spec
	lifecycle
	createdAt time.Time
	updatedAt *time.Time
}

// accessRule returns the rule visible to t, or nil.
func (db *manilaDB) accessRule(t *token, id string) *accessRule {
	r, ok := db.accessRules.Get(id)
	if !ok || db.share(t, r.shareID) == nil {
		return nil
	}
	return r
}

// rulesOf returns the access rules of a share.
func (db *manilaDB) rulesOf(shareID string) []*accessRule {
	return db.accessRules.Filter(func(r *accessRule) bool { return r.shareID == shareID })
}
