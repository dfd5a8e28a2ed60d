package sdrs_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/sdrs"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// What the SDK made survives Save and Load into a fresh emulator, with
// the same IDs and statuses, and a failover under way at the save ends
// after the restart.
func TestStateRestoresWhatTheSDKMadeWithJobsUnderWay(t *testing.T) {
	defer fatalOnPanic(t)
	var first *sdrs.API
	s := newSDKClientsWith(t, func(api *sdrs.API) { first = api })
	c := s.client
	group := *s.waitJob(t, must(c.CreateProtectionGroup(&model.CreateProtectionGroupRequest{Body: &model.CreateProtectionGroupRequestBody{
		ServerGroup: &model.CreateProtectionGroupRequestParams{Name: "kept", SourceAvailabilityZone: sdrs.AZ1, TargetAvailabilityZone: sdrs.AZ2,
			DomainId: sdrs.DomainID, SourceVpcId: sdrs.VPCID}}})).JobId).Entities.ServerGroupId
	inst := *s.waitJob(t, must(c.CreateProtectedInstance(&model.CreateProtectedInstanceRequest{Body: &model.CreateProtectedInstanceRequestBody{
		ProtectedInstance: &model.CreateProtectedInstanceRequestParams{ServerGroupId: group, ServerId: sdrs.ServerIDs[2], Name: "kept-vm"}}})).JobId).Entities.ProtectedInstanceId
	var empty any = map[string]any{}
	s.waitJob(t, must(c.StartProtectionGroup(&model.StartProtectionGroupRequest{ServerGroupId: group,
		Body: &model.StartProtectionGroupRequestBody{StartServerGroup: &empty}})).JobId)
	// A failover, under way at the save.
	failover := must(c.StartFailoverProtectionGroup(&model.StartFailoverProtectionGroupRequest{ServerGroupId: group,
		Body: &model.FailoverProtectionGroupRequestBody{FailoverServerGroup: &empty}})).JobId
	data, err := first.Save()
	if err != nil {
		t.Fatal(err)
	}

	after := newSDKClientsWith(t, func(api *sdrs.API) {
		if err := api.Load(data); err != nil {
			t.Fatal(err)
		}
	})
	after.clock = s.clock
	reads := func(x *sdkClients) []any {
		return []any{
			must(x.client.ShowProtectionGroup(&model.ShowProtectionGroupRequest{ServerGroupId: group})).ServerGroup,
			must(x.client.ShowProtectedInstance(&model.ShowProtectedInstanceRequest{ProtectedInstanceId: inst})).ProtectedInstance,
			must(x.client.ListReplications(&model.ListReplicationsRequest{ServerGroupId: &group})).Replications,
			must(x.client.ShowJobStatus(&model.ShowJobStatusRequest{JobId: *failover})).Status,
		}
	}
	if got, want := reads(after), reads(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("after the restart:\n%+v\nwant\n%+v", got, want)
	}
	if g := must(after.client.ShowProtectionGroup(&model.ShowProtectionGroupRequest{ServerGroupId: group})).ServerGroup; g.Status != "failing-over" {
		t.Fatalf("group %s after the restart, want failing-over", g.Status)
	}
	after.waitJob(t, failover)
	g := must(after.client.ShowProtectionGroup(&model.ShowProtectionGroupRequest{ServerGroupId: group})).ServerGroup
	if g.Status != "failed-over" || g.PriorityStation != "target" {
		t.Errorf("group %s, priority %s after the failover ended, want failed-over at target", g.Status, g.PriorityStation)
	}
	// The instance's servers failed over too: the DR server runs.
	if i := must(after.client.ShowProtectedInstance(&model.ShowProtectedInstanceRequest{ProtectedInstanceId: inst})).ProtectedInstance; i.Status != "failed-over" {
		t.Errorf("instance %s after the failover, want failed-over", i.Status)
	}
	// The fixture server stays protected: a second instance of it is refused.
	_, err = after.client.CreateProtectedInstance(&model.CreateProtectedInstanceRequest{Body: &model.CreateProtectedInstanceRequestBody{
		ProtectedInstance: &model.CreateProtectedInstanceRequestParams{ServerGroupId: group, ServerId: sdrs.ServerIDs[2], Name: "again"}}})
	if err == nil {
		t.Error("a second protected instance of the same server was accepted after the restart")
	}
}

func TestStateOfAnotherVersionIsRefused(t *testing.T) {
	if err := sdrs.New(sdrs.Options{}).Load([]byte(`{"Version":3}`)); err == nil || !strings.Contains(err.Error(), "version 3") {
		t.Fatalf("err = %v", err)
	}
}
