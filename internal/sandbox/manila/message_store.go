package manila

import "time"

// userMessage is a user message (2.37): what a failed asynchronous
// operation tells the project (manila/message/message_field.py).
type userMessage struct {
	id, projectID                   string
	resourceType, resourceID        string
	actionID, detailID, userMessage string
	requestID                       string
	createdAt                       time.Time
}

// recordMessage records the message of an operation that fails at at.
func (db *manilaDB) recordMessage(projectID, resourceType, resourceID, actionID, detailID, text string, at time.Time) {
	db.messages.Add(&userMessage{
		id: newID(), projectID: projectID, resourceType: resourceType, resourceID: resourceID, actionID: actionID,
		detailID: detailID, userMessage: text, requestID: requestID(), createdAt: at,
	})
}
