package sdrs

import (
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The posture attributes of the list data sources, for check blocks:
// healthy on groups, pairs and protected instances (from the statuses the
// API reports), age_seconds on drills (computed when read, so on data
// sources only).

// groupHealthy: protection is enabled and running (protected), and SDRS
// does not report the group's health abnormal nor its replication other
// than active (both are null for groups made after SDRS's upgrade,
// sdrs.md §1.3).
func groupHealthy(g protectionGroupItem) bool {
	return g.Status.ValueString() == statusProtected && g.HealthStatus.ValueString() != "abnormal" &&
		(g.ReplicationStatus.IsNull() || g.ReplicationStatus.ValueString() == "active")
}

// pairHealthy: the pair replicates (protected) with no fault (fault_level
// 0) and, when the API says, replication active.
func pairHealthy(p replicationPairItem) bool {
	return p.Status.ValueString() == statusProtected && (p.FaultLevel.IsNull() || p.FaultLevel.ValueString() == "0") &&
		(p.ReplicationStatus.IsNull() || p.ReplicationStatus.ValueString() == "active")
}

// instanceHealthy: the instance is protected; "fault" means the
// synchronisation of one of its pairs is abnormal (sdrs.md §9.8).
func instanceHealthy(i protectedInstanceItem) bool {
	return i.Status.ValueString() == statusProtected
}

// ageSeconds is the age at now of an SDRS timestamp; null when it is null
// or unreadable.
func ageSeconds(at types.String, now time.Time) types.Int64 {
	t, ok := parseAPITime(at.ValueString())
	if !ok {
		return types.Int64Null()
	}
	return types.Int64Value(conv.AgeSeconds(t, now))
}

// healthyAttribute is the schema of healthy; what says when it is true.
func healthyAttribute(what string) schema.BoolAttribute {
	return schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether " + what + ". For a `check` block."}
}

// ageAttribute is the schema of age_seconds.
func ageAttribute() schema.Int64Attribute {
	return schema.Int64Attribute{Computed: true, MarkdownDescription: "Seconds from `created_at` to the time of the read; computed when " +
		"read (data sources only), for a `check` block."}
}
