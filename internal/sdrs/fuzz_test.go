package sdrs

import (
	"time"

	"encoding/json"
	"testing"
)

// The API-to-state conversions take whatever the API answers: no JSON the
// API types accept may make them panic. Each target decodes arbitrary
// bytes into the API's type, as the SDK does, then converts it; the seeds
// are in testdata/fuzz/<target>/ (the API's examples, nulls, odd types).

func FuzzProtectionGroupFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var g Group
		if json.Unmarshal(data, &g) != nil {
			return
		}
		var m protectionGroupResourceModel
		m.fromAPI(&g)
		_ = protectionGroupItemFromAPI(&g)
		_ = protectionEnabled(&g)
	})
}

func FuzzReplicationPairFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var p Pair
		if json.Unmarshal(data, &p) != nil {
			return
		}
		var m replicationPairResourceModel
		m.fromAPI(&p)
		_ = replicationPairItemFromAPI(&p)
	})
}

func FuzzDomainFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var d Domain
		if json.Unmarshal(data, &d) != nil {
			return
		}
		var m domainDataModel
		m.fromAPI(d)
	})
}

func FuzzJobFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var j Job
		if json.Unmarshal(data, &j) != nil {
			return
		}
		_ = jobStatus(&j)
		_ = jobEntity(&j, entityServerGroupID)
		_ = jobEntity(&j, entityReplicationPairID)
		_, _ = jobFailure(&j)
		je := newJobError(&j, "j", "creating protection group x")
		_ = je.Error()
		_ = setJobHint(je, "protection group", "to retry")
	})
}

func FuzzProtectedInstanceFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var st instanceState
		if json.Unmarshal(data, &st) != nil {
			return
		}
		var m protectedInstanceResourceModel
		m.fromAPI(&st)
		m.fromAPI(&st) // again, from a model that holds what it read
		_ = protectedInstanceItemFromAPI(&st.Instance)
	})
}

func FuzzReplicationAttachmentFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var st attachmentState
		if json.Unmarshal(data, &st) != nil {
			return
		}
		var m replicationAttachmentResourceModel
		m.fromAPI(&st)
		_, _, _ = parseAttachmentID(m.ID.ValueString())
	})
}

func FuzzDrillFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var d Drill
		if json.Unmarshal(data, &d) != nil {
			return
		}
		var m drillResourceModel
		m.fromAPI(&d)
		_ = drillItemFromAPI(&d, time.Now())
	})
}

// FuzzListsFromAPI covers the items of the quota, RPO and failed-job lists.
func FuzzListsFromAPI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var q Quota
		if json.Unmarshal(data, &q) == nil {
			_ = quotaItemFromAPI(&q)
		}
		var s RPOStatistic
		if json.Unmarshal(data, &s) == nil {
			_ = rpoStatisticItemFromAPI(&s, time.Now())
		}
		var j FailedJob
		if json.Unmarshal(data, &j) == nil {
			_ = failedJobItemFromAPI(&j)
		}
	})
}
