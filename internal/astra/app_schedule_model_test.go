package astra

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestScheduleToAPISendsOnlyTheGranularitysTiming(t *testing.T) {
	m := appScheduleResourceModel{
		Name: types.StringValue("s"), Enabled: types.BoolValue(true), Granularity: types.StringValue("custom"),
		Minute: types.Int64Unknown(), Hour: types.Int64Value(3), DayOfWeek: types.Int64Null(), DayOfMonth: types.Int64Null(),
		RecurrenceRule: types.StringValue("DTSTART:20240101T000000Z\nRRULE:FREQ=HOURLY"), SnapshotRetention: types.Int64Value(0),
		BackupRetention: types.Int64Value(2), BucketID: types.StringUnknown(), Replicate: types.BoolValue(true),
	}
	b, err := json.Marshal(m.toAPI().body())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"type":"application/astra-schedule","version":"1.3","name":"s","enabled":"true","granularity":"custom",` +
		`"recurrenceRule":"DTSTART:20240101T000000Z\nRRULE:FREQ=HOURLY","snapshotRetention":"0","backupRetention":"2","replicate":"true"}`
	if string(b) != want {
		t.Errorf("body = %s\nwant   %s", b, want)
	}
	m.Granularity, m.Minute = types.StringValue("daily"), types.Int64Value(45)
	in := m.toAPI()
	if in.Minute == nil || *in.Minute != "45" || in.Hour == nil || *in.Hour != "3" || in.RecurrenceRule != nil {
		t.Errorf("daily input = %+v", in)
	}
}
