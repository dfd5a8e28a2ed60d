package sdrs

import (
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
)

// groupTimeFormat is the protection groups' timestamp format, as in the
// API's examples: "yyyy-MM-dd HH:mm:ss.SSS" (sdrs.md §1.3).
const groupTimeFormat = "2006-01-02 15:04:05.000"

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

// groupView renders g at now. Synchronisation progress moves with the job under
// way: 0 while it is INIT, 50 while RUNNING.
func (a *API) groupView(g *protectionGroup, now time.Time) groupView {
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
		ID:                       g.id,
		Name:                     g.name,
		Description:              g.description,
		SourceAvailabilityZone:   g.sourceAZ,
		TargetAvailabilityZone:   g.targetAZ,
		DomainID:                 g.domainID,
		DomainName:               DomainName,
		Status:                   g.status,
		ProtectedStatus:          g.protectedStatus,
		ReplicationStatus:        g.replicationStatus,
		HealthStatus:             g.healthStatus,
		Progress:                 progress,
		PriorityStation:          g.priority,
		ReplicationNum:           len(a.pairsOf(g.id)),
		ProtectedInstanceNum:     len(a.instancesOf(g.id)),
		DisasterRecoveryDrillNum: len(a.drillsOf(g.id)),
		SourceVPCID:              g.sourceVPC,
		TargetVPCID:              g.sourceVPC, // migration within one VPC
		DRType:                   g.drType,
		ServerType:               "ECS",
		CreatedAt:                g.createdAt.UTC().Format(groupTimeFormat),
		UpdatedAt:                g.updatedAt.UTC().Format(groupTimeFormat),
		ProtectionType:           conv.Ptr("replication-pair"),
	}
}
