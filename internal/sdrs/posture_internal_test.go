package sdrs

import (
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// healthy follows the statuses, and a null replication status or fault
// level (groups and pairs made after SDRS's upgrade) does not count
// against it.
func TestPostureHealthy(t *testing.T) {
	str, null := types.StringValue, types.StringNull()
	for _, c := range []struct {
		name string
		got  bool
		want bool
	}{
		{"group protected, nulls", groupHealthy(protectionGroupItem{Status: str("protected"), HealthStatus: null, ReplicationStatus: null}), true},
		{"group protected, abnormal", groupHealthy(protectionGroupItem{Status: str("protected"), HealthStatus: str("abnormal"), ReplicationStatus: str("active")}), false},
		{"group available", groupHealthy(protectionGroupItem{Status: str("available"), HealthStatus: str("normal"), ReplicationStatus: null}), false},
		{"group stopped replication", groupHealthy(protectionGroupItem{Status: str("protected"), HealthStatus: str("normal"), ReplicationStatus: str("active-stopped")}), false},
		{"pair protected", pairHealthy(replicationPairItem{Status: str("protected"), FaultLevel: str("0"), ReplicationStatus: str("active")}), true},
		{"pair fault", pairHealthy(replicationPairItem{Status: str("fault"), FaultLevel: str("5"), ReplicationStatus: str("inactive")}), false},
		{"pair fault level only", pairHealthy(replicationPairItem{Status: str("protected"), FaultLevel: str("2"), ReplicationStatus: null}), false},
		{"instance fault", instanceHealthy(protectedInstanceItem{Status: str("fault")}), false},
	} {
		if c.got != c.want {
			t.Errorf("%s: healthy %t, want %t", c.name, c.got, c.want)
		}
	}
}

// The latest RPO record is the one of the newest point in time, whatever
// the order; none for no record. Ages are of SDRS's times, in UTC.
func TestLatestRPOStatisticAndAge(t *testing.T) {
	if latestRPOStatistic(nil) != nil {
		t.Error("a latest record of none")
	}
	items := []rpoStatisticItem{{PointTime: types.StringValue("2026-01-21 01:10")}, {PointTime: types.StringValue("2026-01-21 01:15")},
		{PointTime: types.StringValue("2026-01-21 01:05")}}
	if got := latestRPOStatistic(items).PointTime.ValueString(); got != "2026-01-21 01:15" {
		t.Errorf("latest %s", got)
	}
	now := time.Date(2026, 1, 21, 1, 16, 0, 0, time.UTC)
	if got := ageSeconds(types.StringValue("2026-01-21 01:15:00.916"), now); got.ValueInt64() != 59 {
		t.Errorf("age %v, want 59", got)
	}
	if got := ageSeconds(types.StringValue("2026-01-21T01:15:00.000000"), now); got.ValueInt64() != 60 {
		t.Errorf("age %v, want 60", got)
	}
	if got := ageSeconds(types.StringNull(), now); !got.IsNull() {
		t.Errorf("age of no time %v", got)
	}
}
