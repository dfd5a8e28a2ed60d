package sdrs_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/sdrs"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	sdrsv1 "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// The official SDK (huaweicloud-sdk-go-v3, services/sdrs/v1) drives the
// sandbox: its own signer, request building and response decoding must all
// be accepted and understood. This is the check that the sandbox's
// independent signature verification agrees with Huawei's implementation.

const sdkTransition = 10 * time.Second

type sdkSandbox struct {
	client *sdrsv1.SdrsClient
	clock  time.Time
}

// newSDKSandbox serves a sandbox whose clock starts now (the SDK signs with
// the real time) and moves only when the test advances it.
func newSDKSandbox(t *testing.T, sk string) *sdkSandbox {
	t.Helper()
	s := &sdkSandbox{clock: time.Now()}
	api := sdrs.New(sdrs.Options{Transition: sdkTransition, Now: func() time.Time { return s.clock }})
	mux := http.NewServeMux()
	api.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	cred, err := basic.NewCredentialsBuilder().WithAk(sdrs.AccessKey).WithSk(sk).WithProjectId(sdrs.ProjectID).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	hc, err := sdrsv1.SdrsClientBuilder().
		WithEndpoints([]string{srv.URL}).
		WithCredential(cred).
		WithHttpConfig(config.DefaultHttpConfig().WithUserAgent("continuity-sandbox-test").WithHttpRoundTripper(srv.Client().Transport)).
		SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	s.client = sdrsv1.NewSdrsClient(hc)
	return s
}

// waitJob advances the clock by one transition and checks that the job
// succeeded.
func (s *sdkSandbox) waitJob(t *testing.T, jobID *string) *model.ShowJobStatusResponse {
	t.Helper()
	s.clock = s.clock.Add(sdkTransition)
	j, err := s.client.ShowJobStatus(&model.ShowJobStatusRequest{JobId: *jobID})
	if err != nil {
		t.Fatal(err)
	}
	if j.Status == nil || j.Status.Value() != "SUCCESS" {
		t.Fatalf("job %s: status %v, want SUCCESS", *jobID, j.Status)
	}
	return j
}

func ptr[T any](v T) *T { return &v }

func TestOfficialSDKDrivesTheSandbox(t *testing.T) {
	s := newSDKSandbox(t, sdrs.SecretKey)
	c := s.client

	domains, err := c.ListActiveActiveDomains(&model.ListActiveActiveDomainsRequest{})
	if err != nil {
		t.Fatal(err)
	}
	d := (*domains.Domains)[0]
	if d.Id != sdrs.DomainID || d.LocalReplicationCluster.AvailabilityZone != sdrs.AZ1 || d.RemoteReplicationCluster.AvailabilityZone != sdrs.AZ2 {
		t.Fatalf("domain = %+v", d)
	}

	migration := model.GetCreateProtectionGroupRequestParamsDrTypeEnum().MIGRATION
	created, err := c.CreateProtectionGroup(&model.CreateProtectionGroupRequest{Body: &model.CreateProtectionGroupRequestBody{
		ServerGroup: &model.CreateProtectionGroupRequestParams{
			Name: "sdk-group", Description: ptr("through the SDK"), SourceAvailabilityZone: sdrs.AZ1, TargetAvailabilityZone: sdrs.AZ2,
			DomainId: sdrs.DomainID, SourceVpcId: sdrs.VPCID, DrType: &migration,
		},
	}})
	if err != nil {
		t.Fatal(err)
	}
	job := s.waitJob(t, created.JobId)
	groupID := *job.Entities.ServerGroupId

	shown, err := c.ShowProtectionGroup(&model.ShowProtectionGroupRequest{ServerGroupId: groupID})
	if err != nil {
		t.Fatal(err)
	}
	g := shown.ServerGroup
	if g.Name != "sdk-group" || g.Description != "through the SDK" || g.Status != "available" || g.PriorityStation != "source" ||
		g.ProtectionType.Value() != "replication-pair" || g.TargetVpcId != sdrs.VPCID {
		t.Fatalf("group = %+v", g)
	}

	renamed, err := c.UpdateProtectionGroupName(&model.UpdateProtectionGroupNameRequest{ServerGroupId: groupID,
		Body: &model.UpdateProtectionGroupNameRequestBody{ServerGroup: &model.UpdateProtectionGroupNameRequestParams{Name: "sdk-group-2"}}})
	if err != nil || renamed.ServerGroup.Name != "sdk-group-2" {
		t.Fatalf("rename: %v %+v", err, renamed)
	}

	list, err := c.ListProtectionGroups(&model.ListProtectionGroupsRequest{Name: ptr("sdk"), Limit: ptr(int32(10)), Offset: ptr(int32(0))})
	if err != nil || *list.Count != 1 || (*list.ServerGroups)[0].Id != groupID {
		t.Fatalf("list: %v %+v", err, list)
	}

	pairCreated, err := c.CreateReplication(&model.CreateReplicationRequest{Body: &model.CreateReplicationRequestBody{
		Replication: &model.CreateReplicationRequestParams{ServerGroupId: groupID, VolumeId: sdrs.VolumeIDs[0], Name: "sdk-pair"}}})
	if err != nil {
		t.Fatal(err)
	}
	job = s.waitJob(t, pairCreated.JobId)
	pairID := *job.Entities.ReplicationPairId
	pair, err := c.ShowReplication(&model.ShowReplicationRequest{ReplicationId: pairID})
	if err != nil || pair.Replication.Status != "available" || pair.Replication.ServerGroupId != groupID {
		t.Fatalf("pair: %v %+v", err, pair)
	}
	if _, err := c.UpdateReplicationName(&model.UpdateReplicationNameRequest{ReplicationId: pairID,
		Body: &model.UpdateReplicationNameRequestBody{Replication: &model.UpdateReplicationNameRequestParams{Name: "sdk-pair-2"}}}); err != nil {
		t.Fatal(err)
	}

	var empty any = map[string]any{}
	started, err := c.StartProtectionGroup(&model.StartProtectionGroupRequest{ServerGroupId: groupID,
		Body: &model.StartProtectionGroupRequestBody{StartServerGroup: &empty}})
	if err != nil {
		t.Fatal(err)
	}
	job = s.waitJob(t, started.JobId)
	if job.Entities.SubJobs == nil || len(*job.Entities.SubJobs) != 1 || *(*job.Entities.SubJobs)[0].Entities.ServerGroupId != groupID {
		t.Fatalf("start job entities = %+v", job.Entities)
	}
	shown, _ = c.ShowProtectionGroup(&model.ShowProtectionGroupRequest{ServerGroupId: groupID})
	if shown.ServerGroup.Status != "protected" || shown.ServerGroup.ProtectedStatus.Value() != "started" || shown.ServerGroup.ReplicationNum != 1 {
		t.Fatalf("protected group = %+v", shown.ServerGroup)
	}

	reversed, err := c.StartReverseProtectionGroup(&model.StartReverseProtectionGroupRequest{ServerGroupId: groupID,
		Body: &model.ReverseProtectionGroupRequestBody{ReverseServerGroup: &model.ReverseProtectionGroupRequestParams{
			PriorityStation: model.GetReverseProtectionGroupRequestParamsPriorityStationEnum().TARGET}}})
	if err != nil {
		t.Fatal(err)
	}
	s.waitJob(t, reversed.JobId)
	failedOver, err := c.StartFailoverProtectionGroup(&model.StartFailoverProtectionGroupRequest{ServerGroupId: groupID,
		Body: &model.FailoverProtectionGroupRequestBody{FailoverServerGroup: &empty}})
	if err != nil {
		t.Fatal(err)
	}
	s.waitJob(t, failedOver.JobId)
	shown, _ = c.ShowProtectionGroup(&model.ShowProtectionGroupRequest{ServerGroupId: groupID})
	if shown.ServerGroup.Status != "failed-over" || shown.ServerGroup.PriorityStation != "source" {
		t.Fatalf("failed-over group = %+v", shown.ServerGroup)
	}

	deleted, err := c.DeleteReplication(&model.DeleteReplicationRequest{ReplicationId: pairID, Body: &model.DeleteReplicationRequestBody{
		Replication: &model.DeleteReplicationRequestParams{ServerGroupId: &groupID, DeleteTargetVolume: ptr(true)}}})
	if err != nil {
		t.Fatal(err)
	}
	s.waitJob(t, deleted.JobId)
	groupDeleted, err := c.DeleteProtectionGroup(&model.DeleteProtectionGroupRequest{ServerGroupId: groupID})
	if err != nil {
		t.Fatal(err)
	}
	s.waitJob(t, groupDeleted.JobId)

	// The API's errors reach the SDK as ServiceResponseError.
	_, err = c.ShowProtectionGroup(&model.ShowProtectionGroupRequest{ServerGroupId: groupID})
	var sre *sdkerr.ServiceResponseError
	if !errors.As(err, &sre) || sre.StatusCode != http.StatusBadRequest || sre.ErrorCode != "SDRS.1013" || sre.RequestId == "" {
		t.Fatalf("deleted group: %#v", err)
	}
}

// The SDK's signature with a wrong secret key is refused as the gateway
// refuses it, and the SDK parses the gateway's error.
func TestOfficialSDKWithWrongSecretKey(t *testing.T) {
	s := newSDKSandbox(t, "not-the-secret-key")
	_, err := s.client.ListActiveActiveDomains(&model.ListActiveActiveDomainsRequest{})
	var sre *sdkerr.ServiceResponseError
	if !errors.As(err, &sre) || sre.StatusCode != http.StatusUnauthorized || sre.ErrorCode != "APIGW.0301" {
		b, _ := json.Marshal(err)
		t.Fatalf("err = %v (%s)", err, b)
	}
}

// The SDK's ListReplications reaches the list route with every query
// parameter of its ListReplicationsRequest, and decodes the answer: the
// pairs with their record_metadata and attachment, and count.
func TestOfficialSDKListsReplicationPairs(t *testing.T) {
	s := newSDKSandbox(t, sdrs.SecretKey)
	c := s.client
	var groups []string
	for _, name := range []string{"sdk-list-1", "sdk-list-2"} {
		created, err := c.CreateProtectionGroup(&model.CreateProtectionGroupRequest{Body: &model.CreateProtectionGroupRequestBody{
			ServerGroup: &model.CreateProtectionGroupRequestParams{Name: name, SourceAvailabilityZone: sdrs.AZ1, TargetAvailabilityZone: sdrs.AZ2,
				DomainId: sdrs.DomainID, SourceVpcId: sdrs.VPCID}}})
		if err != nil {
			t.Fatal(err)
		}
		groups = append(groups, *s.waitJob(t, created.JobId).Entities.ServerGroupId)
	}
	for i, g := range []string{groups[0], groups[0], groups[1]} {
		created, err := c.CreateReplication(&model.CreateReplicationRequest{Body: &model.CreateReplicationRequestBody{
			Replication: &model.CreateReplicationRequestParams{ServerGroupId: g, VolumeId: sdrs.VolumeIDs[i], Name: "sdk-pair-" + string(rune('a'+i))}}})
		if err != nil {
			t.Fatal(err)
		}
		s.waitJob(t, created.JobId)
	}

	abnormal := model.GetListReplicationsRequestQueryTypeEnum().STATUS_ABNORMAL
	general := model.GetListReplicationsRequestQueryTypeEnum().GENERAL
	both := `["` + groups[0] + `","` + groups[1] + `"]`
	for _, tc := range []struct {
		name  string
		req   model.ListReplicationsRequest
		count int32
		items int
	}{
		{"group", model.ListReplicationsRequest{ServerGroupId: &groups[0]}, 2, 2},
		{"groups", model.ListReplicationsRequest{ServerGroupIds: &both, QueryType: &general}, 3, 3},
		{"name and status", model.ListReplicationsRequest{Name: ptr("sdk-pair-c"), Status: ptr("available")}, 1, 1},
		{"availability zone", model.ListReplicationsRequest{AvailabilityZone: ptr(sdrs.AZ1)}, 3, 3},
		{"abnormal", model.ListReplicationsRequest{QueryType: &abnormal}, 0, 0},
		{"protected instances", model.ListReplicationsRequest{ProtectedInstanceId: ptr("i"), ProtectedInstanceIds: ptr(`["i"]`)}, 0, 0},
		{"page", model.ListReplicationsRequest{Limit: ptr(int32(2)), Offset: ptr(int32(2))}, 3, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := tc.req
			list, err := c.ListReplications(&req)
			if err != nil {
				t.Fatal(err)
			}
			if list.Count == nil || *list.Count != tc.count || list.Replications == nil || len(*list.Replications) != tc.items {
				t.Fatalf("list = %+v, want count %d and %d pairs", list, tc.count, tc.items)
			}
		})
	}

	list, err := c.ListReplications(&model.ListReplicationsRequest{ServerGroupId: &groups[1], Limit: ptr(int32(10)), Offset: ptr(int32(0))})
	if err != nil || len(*list.Replications) != 1 {
		t.Fatalf("list: %v %+v", err, list)
	}
	p := (*list.Replications)[0]
	if p.Name != "sdk-pair-c" || p.ServerGroupId != groups[1] || p.Status != "available" || p.ReplicationModel != "hypermetro" ||
		p.RecordMetadata == nil || p.RecordMetadata.VolumeSize == 0 || p.RecordMetadata.VolumeType.Value() == "" || p.Attachment == nil ||
		p.PriorityStation != "source" || p.FaultLevel != "0" || p.ReplicationStatus.Value() != "inactive" {
		t.Fatalf("pair = %+v", p)
	}

	_, err = c.ListReplications(&model.ListReplicationsRequest{Limit: ptr(int32(1001))})
	var sre *sdkerr.ServiceResponseError
	if !errors.As(err, &sre) || sre.StatusCode != http.StatusBadRequest || sre.ErrorCode != "SDRS.0221" {
		t.Fatalf("limit 1001: %#v", err)
	}
}
