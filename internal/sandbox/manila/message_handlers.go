package manila

import (
	"slices"
)

// messagesListing is how the message list answers.
var messagesListing = listing{key: "messages"}

// messageView is one user message; it expires after 30 days.
func messageView(m *userMessage) object {
	return object{
		{"id", m.id}, {"project_id", m.projectID}, {"action_id", m.actionID}, {"detail_id", m.detailID},
		{"message_level", "ERROR"}, {"request_id", m.requestID}, {"resource_id", m.resourceID},
		{"resource_type", m.resourceType}, {"user_message", m.userMessage}, {"created_at", dbTime(m.createdAt)},
		{"expires_at", dbTime(m.createdAt.AddDate(0, 0, 30))}, {"links", nil},
	}
}

// listMessages lists the project's messages of failures that happened,
// newest first unless sort_dir=asc, with exact-match filters.
func (a *API) listMessages(c *call) *fault {
	q := c.query()
	rows := a.db.messages.Filter(func(m *userMessage) bool {
		if !c.listed(m.projectID) || m.createdAt.After(c.now) {
			return false
		}
		for key, col := range map[string]string{"resource_id": m.resourceID, "resource_type": m.resourceType, "action_id": m.actionID,
			"detail_id": m.detailID, "request_id": m.requestID, "id": m.id, "message_level": "ERROR"} {
			if v := q.Get(key); v != "" && v != col {
				return false
			}
		}
		return true
	})
	if q.Get("sort_dir") != "asc" {
		slices.Reverse(rows)
	}
	return writeList(c, rows, messagesListing, messageView, nil)
}
