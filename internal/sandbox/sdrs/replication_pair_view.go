package sdrs

// pairTimeFormat is the replication pairs' timestamp format, as in the
// API's examples: microseconds with a T (sdrs.md §23).
const pairTimeFormat = "2006-01-02T15:04:05.000000"

// pairView is the replication object.
type pairView struct {
	ID                string           `json:"id"`
	Name              string           `json:"name"`
	Description       *string          `json:"description"`
	ReplicationModel  string           `json:"replication_model"`
	Status            string           `json:"status"`
	Progress          int              `json:"progress"`
	ReplicationStatus string           `json:"replication_status"`
	Attachment        []map[string]any `json:"attachment"`
	ServerGroupID     string           `json:"server_group_id"`
	VolumeIDs         string           `json:"volume_ids"`
	PriorityStation   string           `json:"priority_station"`
	FaultLevel        string           `json:"fault_level"`
	CreatedAt         string           `json:"created_at"`
	UpdatedAt         string           `json:"updated_at"`
	RecordMetadata    recordMetadata   `json:"record_metadata"`
	FailureDetail     *string          `json:"failure_detail"`
}

// recordMetadata describes the pair's disks.
type recordMetadata struct {
	Multiattach bool   `json:"multiattach"`
	Bootable    bool   `json:"bootable"`
	VolumeSize  int    `json:"volume_size"`
	VolumeType  string `json:"volume_type"`
}

// pairView renders p.
func (a *API) pairView(p *replicationPair) pairView {
	v, _ := a.volumes.Get(p.volumeID)
	progress := 0
	if p.replicationStatus == replActive {
		progress = 100
	}
	ids := p.volumeID
	if p.targetVolumeID != "" {
		ids += "," + p.targetVolumeID
	}
	attachment := []map[string]any{}
	if p.instanceID != "" {
		attachment = append(attachment, map[string]any{"protected_instance": p.instanceID, "device": p.device})
	}
	fault := faultNone
	if p.broken != nil {
		fault = faultLinkBroken
	}
	return pairView{
		ID:                p.id,
		Name:              p.name,
		Description:       p.description,
		ReplicationModel:  "hypermetro",
		Status:            p.status,
		Progress:          progress,
		ReplicationStatus: p.replicationStatus,
		Attachment:        attachment,
		ServerGroupID:     p.groupID,
		VolumeIDs:         ids,
		PriorityStation:   a.priorityOf(p),
		FaultLevel:        fault,
		CreatedAt:         p.createdAt.UTC().Format(pairTimeFormat),
		UpdatedAt:         p.updatedAt.UTC().Format(pairTimeFormat),
		RecordMetadata:    recordMetadata{VolumeSize: v.sizeGB, VolumeType: v.kind, Bootable: v.bootable},
		FailureDetail:     p.failureDetail,
	}
}
