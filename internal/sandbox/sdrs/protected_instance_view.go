package sdrs

// instanceTimeFormat is the protected instances' and drills' timestamp
// format, as in the API's examples: "yyyy-MM-dd HH:mm:ss.SSS" (sdrs.md §9.3).
const instanceTimeFormat = groupTimeFormat

// instanceView is the protected_instance object, in the API's field order.
type instanceView struct {
	ID              string              `json:"id"`
	Name            string              `json:"name"`
	Description     *string             `json:"description"`
	ServerGroupID   string              `json:"server_group_id"`
	Status          string              `json:"status"`
	Progress        int                 `json:"progress"`
	SourceServer    string              `json:"source_server"`
	TargetServer    string              `json:"target_server"`
	CreatedAt       string              `json:"created_at"`
	UpdatedAt       string              `json:"updated_at"`
	PriorityStation string              `json:"priority_station"`
	Attachment      []map[string]string `json:"attachment"`
	Tags            []map[string]string `json:"tags"`
	Metadata        map[string]string   `json:"metadata"`
}

// instanceView renders an instance; attachment, tags and metadata are
// never null (sdrs.md §9.3).
func (a *API) instanceView(inst *protectedInstance) instanceView {
	priority, progress := "source", 0
	if g, ok := a.groups.Get(inst.groupID); ok {
		priority = g.priority
		if g.status == statusProtected && inst.status == statusProtected {
			progress = 100
		}
	}
	attachment := make([]map[string]string, 0, len(inst.attachments))
	for _, at := range inst.attachments {
		attachment = append(attachment, map[string]string{"replication": at.pairID, "device": at.device})
	}
	return instanceView{
		ID:              inst.id,
		Name:            inst.name,
		Description:     inst.description,
		ServerGroupID:   inst.groupID,
		Status:          inst.status,
		Progress:        progress,
		SourceServer:    inst.sourceServer,
		TargetServer:    inst.targetServer,
		CreatedAt:       inst.createdAt.UTC().Format(instanceTimeFormat),
		UpdatedAt:       inst.updatedAt.UTC().Format(instanceTimeFormat),
		PriorityStation: priority,
		Attachment:      attachment,
		Tags:            tagsView(inst.tags),
		Metadata:        map[string]string{},
	}
}

// tagsView renders tags as [{key, value}].
func tagsView(tags []tag) []map[string]string {
	out := make([]map[string]string, 0, len(tags))
	for _, t := range tags {
		out = append(out, map[string]string{"key": t.key, "value": t.value})
	}
	return out
}
