package sdrs

import "time"

// Timestamp formats of the API's examples: protection groups use
// "yyyy-MM-dd HH:mm:ss.SSS", replication pairs microseconds with a T, jobs
// ISO 8601 with milliseconds and Z (specs/sdrs.md §1.3, §2.1).
const (
	groupTimeFormat = "2006-01-02 15:04:05.000"
	pairTimeFormat  = "2006-01-02T15:04:05.000000"
	jobTimeFormat   = "2006-01-02T15:04:05.000Z"
)

// groupView is the server_group object, in the API's field order.
type groupView struct {
	ID                       string  `json:"id"`
	Name                     string  `json:"name"`
	Description              *string `json:"description"`
	SourceAvailabilityZone   string  `json:"source_availability_zone"`
	TargetAvailabilityZone   string  `json:"target_availability_zone"`
	DomainID                 string  `json:"domain_id"`
	DomainName               string  `json:"domain_name"`
	Status                   string  `json:"status"`
	ProtectedStatus          *string `json:"protected_status"`
	ReplicationStatus        *string `json:"replication_status"`
	HealthStatus             *string `json:"health_status"`
	Progress                 int     `json:"progress"`
	PriorityStation          string  `json:"priority_station"`
	ProtectedInstanceNum     int     `json:"protected_instance_num"`
	ReplicationNum           int     `json:"replication_num"`
	DisasterRecoveryDrillNum int     `json:"disaster_recovery_drill_num"`
	SourceVPCID              string  `json:"source_vpc_id"`
	TargetVPCID              string  `json:"target_vpc_id"`
	TestVPCID                *string `json:"test_vpc_id"`
	DRType                   string  `json:"dr_type"`
	ServerType               string  `json:"server_type"`
	CreatedAt                string  `json:"created_at"`
	UpdatedAt                string  `json:"updated_at"`
	ProtectionType           *string `json:"protection_type"`
	ReplicationModel         *string `json:"replication_model"`
}

// view renders g at now. Synchronisation progress moves with the job under
// way: 0 while it is INIT, 50 while RUNNING.
func (a *API) groupView(g *group, now time.Time) groupView {
	progress := g.progress
	if g.job != nil && !g.job.finished {
		switch g.job.jobType {
		case jobStart, jobReprotect, jobReverse:
			progress = 0
			if g.job.status(now) == jobRunning {
				progress = 50
			}
		}
	}
	return groupView{
		ID:                     g.id,
		Name:                   g.name,
		Description:            g.description,
		SourceAvailabilityZone: g.sourceAZ,
		TargetAvailabilityZone: g.targetAZ,
		DomainID:               g.domainID,
		DomainName:             DomainName,
		Status:                 g.status,
		ProtectedStatus:        g.protectedStatus,
		ReplicationStatus:      g.replicationStatus,
		HealthStatus:           g.healthStatus,
		Progress:               progress,
		PriorityStation:        g.priority,
		ReplicationNum:         len(a.pairsOf(g.id)),
		SourceVPCID:            g.sourceVPC,
		TargetVPCID:            g.sourceVPC, // migration within one VPC
		DRType:                 g.drType,
		ServerType:             "ECS",
		CreatedAt:              g.createdAt.UTC().Format(groupTimeFormat),
		UpdatedAt:              g.updatedAt.UTC().Format(groupTimeFormat),
		ProtectionType:         strPtr("replication-pair"),
	}
}

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

type recordMetadata struct {
	Multiattach bool   `json:"multiattach"`
	Bootable    bool   `json:"bootable"`
	VolumeSize  int    `json:"volume_size"`
	VolumeType  string `json:"volume_type"`
}

func (a *API) pairView(p *pair) pairView {
	v := a.volumes[p.volumeID]
	priority := "source"
	if g := a.groups[p.groupID]; g != nil {
		priority = g.priority
	}
	progress := 0
	if p.replicationStatus == replActive {
		progress = 100
	}
	ids := p.volumeID
	if p.targetVolumeID != "" {
		ids += "," + p.targetVolumeID
	}
	return pairView{
		ID:                p.id,
		Name:              p.name,
		Description:       p.description,
		ReplicationModel:  "hypermetro",
		Status:            p.status,
		Progress:          progress,
		ReplicationStatus: p.replicationStatus,
		Attachment:        []map[string]any{},
		ServerGroupID:     p.groupID,
		VolumeIDs:         ids,
		PriorityStation:   priority,
		FaultLevel:        "0",
		CreatedAt:         p.createdAt.UTC().Format(pairTimeFormat),
		UpdatedAt:         p.updatedAt.UTC().Format(pairTimeFormat),
		RecordMetadata:    recordMetadata{VolumeSize: v.sizeGB, VolumeType: v.kind},
		FailureDetail:     p.failureDetail,
	}
}

// jobView is the answer of GET /jobs/{job_id}.
type jobView struct {
	JobID      string         `json:"job_id"`
	JobType    string         `json:"job_type"`
	BeginTime  string         `json:"begin_time"`
	EndTime    *string        `json:"end_time"`
	Status     string         `json:"status"`
	ErrorCode  *string        `json:"error_code"`
	FailReason *string        `json:"fail_reason"`
	Entities   map[string]any `json:"entities"`
}

func (j *job) view(now time.Time) jobView {
	v := jobView{
		JobID:     j.id,
		JobType:   j.jobType,
		BeginTime: j.begin.UTC().Format(jobTimeFormat),
		Status:    j.status(now),
		Entities:  map[string]any{},
	}
	if j.finished {
		v.EndTime = strPtr(j.end.UTC().Format(jobTimeFormat))
		if j.failed {
			v.ErrorCode, v.FailReason = strPtr(j.errorCode), strPtr(j.failReason)
		}
	}
	for k, val := range j.entities {
		v.Entities[k] = val
	}
	if j.subJobType != "" {
		subs := make([]jobView, 0, len(j.subJobIDs))
		for _, id := range j.subJobIDs {
			sub := jobView{JobID: id, JobType: j.subJobType, BeginTime: v.BeginTime, EndTime: v.EndTime, Status: v.Status,
				ErrorCode: v.ErrorCode, FailReason: v.FailReason, Entities: map[string]any{}}
			for k, val := range j.entities {
				sub.Entities[k] = val
			}
			subs = append(subs, sub)
		}
		// The parent of an action job names the group only in its sub jobs.
		v.Entities = map[string]any{"sub_jobs": subs}
	}
	return v
}

// domainView is one active-active domain.
func domainView() map[string]any {
	return map[string]any{
		"id":                         DomainID,
		"name":                       DomainName,
		"description":                "Active-active domain of the continuity sandbox: " + AZ1 + " and " + AZ2,
		"sold_out":                   false,
		"local_replication_cluster":  map[string]string{"availability_zone": AZ1},
		"remote_replication_cluster": map[string]string{"availability_zone": AZ2},
	}
}
