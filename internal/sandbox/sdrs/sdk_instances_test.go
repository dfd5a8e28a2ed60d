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
	ecsv2 "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/ecs/v2"
	ecsmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/ecs/v2/model"
	sdrsv1 "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
	vpcv2 "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpc/v2"
	vpcmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpc/v2/model"
)

// sdkClients are the official SDK's SDRS, ECS and VPC clients of one
// sandbox whose clock the test moves.
type sdkClients struct {
	*sdkSandbox
	ecs *ecsv2.EcsClient
	vpc *vpcv2.VpcClient
}

func newSDKClients(t *testing.T) *sdkClients {
	t.Helper()
	return newSDKClientsWith(t, nil)
}

// newSDKClientsWith is newSDKClients whose emulator prepare changes first
// (user fixtures, a restored state), unless it is nil.
func newSDKClientsWith(t *testing.T, prepare func(*sdrs.API)) *sdkClients {
	t.Helper()
	s := &sdkSandbox{clock: time.Now()}
	api := sdrs.New(sdrs.Options{Transition: sdkTransition, Now: func() time.Time { return s.clock }})
	if prepare != nil {
		prepare(api)
	}
	mux := http.NewServeMux()
	api.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	cred, err := basic.NewCredentialsBuilder().WithAk(sdrs.AccessKey).WithSk(sdrs.SecretKey).WithProjectId(sdrs.ProjectID).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	httpConfig := config.DefaultHttpConfig().WithUserAgent("continuity-sandbox-test").WithHttpRoundTripper(srv.Client().Transport)
	hc, err := sdrsv1.SdrsClientBuilder().WithEndpoints([]string{srv.URL}).WithCredential(cred).WithHttpConfig(httpConfig).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	s.client = sdrsv1.NewSdrsClient(hc)
	ecs, err := ecsv2.EcsClientBuilder().WithEndpoints([]string{srv.URL}).WithCredential(cred).WithHttpConfig(httpConfig).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	vpc, err := vpcv2.VpcClientBuilder().WithEndpoints([]string{srv.URL}).WithCredential(cred).WithHttpConfig(httpConfig).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	return &sdkClients{sdkSandbox: s, ecs: ecsv2.NewEcsClient(ecs), vpc: vpcv2.NewVpcClient(vpc)}
}

// must returns v, or panics with err; fatalOnPanic, deferred by the test,
// turns the panic into its failure.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func fatalOnPanic(t *testing.T) {
	if r := recover(); r != nil {
		t.Fatal(r)
	}
}

// The SDK drives every route of protected instances, attachments, NICs,
// resize, expansion, drills, failover and re-protection, quotas, RPO
// statistics and the task center, and the ECS and VPC calls around them.
func TestOfficialSDKDrivesProtectedInstancesAndDrills(t *testing.T) {
	defer fatalOnPanic(t)
	s := newSDKClients(t)
	c := s.client
	group := *s.waitJob(t, must(c.CreateProtectionGroup(&model.CreateProtectionGroupRequest{Body: &model.CreateProtectionGroupRequestBody{
		ServerGroup: &model.CreateProtectionGroupRequestParams{Name: "sdk-pi", SourceAvailabilityZone: sdrs.AZ1, TargetAvailabilityZone: sdrs.AZ2,
			DomainId: sdrs.DomainID, SourceVpcId: sdrs.VPCID}}})).JobId).Entities.ServerGroupId

	// Protected instance: create, show, list, rename, tags.
	created := must(c.CreateProtectedInstance(&model.CreateProtectedInstanceRequest{Body: &model.CreateProtectedInstanceRequestBody{
		ProtectedInstance: &model.CreateProtectedInstanceRequestParams{ServerGroupId: group, ServerId: sdrs.ServerIDs[0], Name: "sdk-instance",
			Description: ptr("through the SDK"), PrimarySubnetId: ptr(sdrs.SubnetID), PrimaryIpAddress: ptr("192.168.0.77"),
			FlavorRef: ptr("c7.large.2"), Tags: &[]model.ResourceTag{{Key: "env", Value: "test"}}}}}))
	job := s.waitJob(t, created.JobId)
	id, drServer := *job.Entities.ProtectedInstanceId, *job.Entities.NativeServerId
	inst := must(c.ShowProtectedInstance(&model.ShowProtectedInstanceRequest{ProtectedInstanceId: id})).ProtectedInstance
	if inst.Status != "available" || inst.SourceServer != sdrs.ServerIDs[0] || inst.TargetServer != drServer || len(inst.Attachment) != 2 ||
		inst.Tags == nil || len(*inst.Tags) != 1 || inst.Metadata == nil || inst.PriorityStation != "source" {
		t.Fatalf("instance = %+v", inst)
	}
	list := must(c.ListProtectedInstances(&model.ListProtectedInstancesRequest{ServerGroupId: &group, Name: ptr("sdk"), Limit: ptr(int32(10)), Offset: ptr(int32(0))}))
	if *list.Count != 1 || (*list.ProtectedInstances)[0].Id != id {
		t.Fatalf("list = %+v", list)
	}
	renamed := must(c.UpdateProtectedInstanceName(&model.UpdateProtectedInstanceNameRequest{ProtectedInstanceId: id,
		Body: &model.UpdateProtectedInstanceNameRequestBody{ProtectedInstance: &model.UpdateProtectedInstanceNameRequestParams{Name: "sdk-instance-2"}}}))
	if renamed.ProtectedInstance.Name != "sdk-instance-2" {
		t.Fatalf("rename = %+v", renamed)
	}
	must(c.BatchAddTags(&model.BatchAddTagsRequest{ProtectedInstanceId: id, Body: &model.BatchAddTagsRequestBody{
		Action: model.GetBatchAddTagsRequestBodyActionEnum().CREATE, Tags: []model.ResourceTag{{Key: "team", Value: "dr"}}}}))
	must(c.BatchDeleteTags(&model.BatchDeleteTagsRequest{ProtectedInstanceId: id, Body: &model.BatchDeleteTagsRequestBody{
		Action: model.GetBatchDeleteTagsRequestBodyActionEnum().DELETE, Tags: []model.DeleteResourceTag{{Key: "env"}}}}))
	tags := must(c.ListProtectedInstanceTags(&model.ListProtectedInstanceTagsRequest{ProtectedInstanceId: id}))
	if tags.Tags == nil || len(*tags.Tags) != 1 || (*tags.Tags)[0].Key != "team" {
		t.Fatalf("tags = %+v", tags)
	}

	// ECS and VPC: the DR server and its NIC.
	dr := must(s.ecs.ShowServer(&ecsmodel.ShowServerRequest{ServerId: drServer})).Server
	if dr.Status != "SHUTOFF" || dr.Flavor.Id != "c7.large.2" || dr.OSEXTAZavailabilityZone != sdrs.AZ2 || len(dr.OsExtendedVolumesvolumesAttached) != 2 {
		t.Fatalf("DR server = %+v", dr)
	}
	ports := must(s.vpc.ListPorts(&vpcmodel.ListPortsRequest{DeviceId: &drServer})).Ports
	if len(*ports) != 1 || *(*ports)[0].FixedIps[0].IpAddress != "192.168.0.77" || (*ports)[0].NetworkId != sdrs.SubnetID ||
		!*(*ports)[0].BindingvifDetails.PrimaryInterface {
		t.Fatalf("DR ports = %+v", ports)
	}

	// Attach a pair, add and delete a NIC, resize, expand.
	pairID := *s.waitJob(t, must(c.CreateReplication(&model.CreateReplicationRequest{Body: &model.CreateReplicationRequestBody{
		Replication: &model.CreateReplicationRequestParams{ServerGroupId: group, VolumeId: sdrs.VolumeIDs[0], Name: "sdk-pair"}}})).JobId).Entities.ReplicationPairId
	s.waitJob(t, must(c.AttachProtectedInstanceReplication(&model.AttachProtectedInstanceReplicationRequest{ProtectedInstanceId: id,
		Body: &model.ProtectedInstanceAttachReplicationRequestBody{ReplicationAttachment: &model.ProtectedInstanceAttachReplicationRequestParams{
			ReplicationId: pairID, Device: "/dev/vdc"}}})).JobId)
	added := s.waitJob(t, must(c.AddProtectedInstanceNic(&model.AddProtectedInstanceNicRequest{ProtectedInstanceId: id,
		Body: &model.ProtectedInstanceAddNicRequestBody{SubnetId: sdrs.SubnetID, SecurityGroups: &[]model.SecurityGroupsParams{{Id: sdrs.SecurityGroupID}}}})).JobId)
	nicID := *added.Entities.NicId
	s.waitJob(t, must(c.DeleteProtectedInstanceNic(&model.DeleteProtectedInstanceNicRequest{ProtectedInstanceId: id,
		Body: &model.ProtectedInstanceDeleteNicRequestBody{NicId: nicID}})).JobId)
	s.waitJob(t, must(c.ResizeProtectedInstance(&model.ResizeProtectedInstanceRequest{ProtectedInstanceId: id,
		Body: &model.ResizeProtectedInstanceRequestBody{Resize: &model.ResizeProtectedInstanceRequestParams{DrFlavorRef: ptr("s6.xlarge.2")}}})).JobId)
	s.waitJob(t, must(c.ExpandReplication(&model.ExpandReplicationRequest{ReplicationId: pairID,
		Body: &model.ExtendReplicationRequestBody{ExtendReplication: &model.ExtendReplicationRequestParams{NewSize: 100}}})).JobId)
	pair := must(c.ShowReplication(&model.ShowReplicationRequest{ReplicationId: pairID})).Replication
	if pair.RecordMetadata.VolumeSize != 100 || len(pair.Attachment) != 1 || pair.Attachment[0].Device != "/dev/vdc" {
		t.Fatalf("pair = %+v", pair)
	}

	// A drill: its job's entity is not in the SDK's model, but in the answer.
	drill := must(c.CreateDisasterRecoveryDrill(&model.CreateDisasterRecoveryDrillRequest{Body: &model.CreateDisasterRecoveryDrillRequestBody{
		DisasterRecoveryDrill: &model.CreateDisasterRecoveryDrillRequestParams{ServerGroupId: group, Name: "sdk-drill", DrillVpcId: ptr(sdrs.DrillVPCID)}}}))
	s.waitJob(t, drill.JobId)
	drills := must(c.ListDisasterRecoveryDrills(&model.ListDisasterRecoveryDrillsRequest{ServerGroupId: &group, DrillVpcId: ptr(sdrs.DrillVPCID)}))
	if *drills.Count != 1 {
		t.Fatalf("drills = %+v", drills)
	}
	drillID := (*drills.DisasterRecoveryDrills)[0].Id
	shown := must(c.ShowDisasterRecoveryDrill(&model.ShowDisasterRecoveryDrillRequest{DisasterRecoveryDrillId: drillID})).DisasterRecoveryDrill
	if shown.Status != "available" || len(shown.DrillServers) != 1 || shown.DrillServers[0].ProtectedInstance != id {
		t.Fatalf("drill = %+v", shown)
	}
	must(c.UpdateDisasterRecoveryDrillName(&model.UpdateDisasterRecoveryDrillNameRequest{DisasterRecoveryDrillId: drillID,
		Body: &model.UpdateDisasterRecoveryDrillNameRequestBody{DisasterRecoveryDrill: &model.UpdateDisasterRecoveryDrillNameRequestParams{Name: "sdk-drill-2"}}}))
	s.waitJob(t, must(c.DeleteDisasterRecoveryDrill(&model.DeleteDisasterRecoveryDrillRequest{DisasterRecoveryDrillId: drillID})).JobId)

	// Protect, fail over with the SDK's failover call, stop the production
	// server (ECS), re-protect, and go back with a planned failover.
	var empty any = map[string]any{}
	s.waitJob(t, must(c.StartProtectionGroup(&model.StartProtectionGroupRequest{ServerGroupId: group,
		Body: &model.StartProtectionGroupRequestBody{StartServerGroup: &empty}})).JobId)
	s.waitJob(t, must(c.StartFailoverProtectionGroup(&model.StartFailoverProtectionGroupRequest{ServerGroupId: group,
		Body: &model.FailoverProtectionGroupRequestBody{FailoverServerGroup: &empty}})).JobId)
	if g := must(c.ShowProtectionGroup(&model.ShowProtectionGroupRequest{ServerGroupId: group})).ServerGroup; g.Status != "failed-over" ||
		g.PriorityStation != "target" || g.ProtectedInstanceNum != 1 {
		t.Fatalf("failed-over group = %+v", g)
	}
	must(s.ecs.BatchStartServers(&ecsmodel.BatchStartServersRequest{Body: &ecsmodel.BatchStartServersRequestBody{
		OsStart: &ecsmodel.BatchStartServersOption{Servers: []ecsmodel.ServerId{{Id: sdrs.ServerIDs[0]}}}}}))
	_, err := c.StartProtectionGroup(&model.StartProtectionGroupRequest{ServerGroupId: group, Body: &model.StartProtectionGroupRequestBody{StartServerGroup: &empty}})
	var sre *sdkerr.ServiceResponseError
	if !errors.As(err, &sre) || sre.ErrorCode != "SDRS.1342" {
		t.Fatalf("re-protect with a running DR-site server: %v", err)
	}
	stopped := must(s.ecs.BatchStopServers(&ecsmodel.BatchStopServersRequest{Body: &ecsmodel.BatchStopServersRequestBody{
		OsStop: &ecsmodel.BatchStopServersOption{Servers: []ecsmodel.ServerId{{Id: sdrs.ServerIDs[0]}}}}}))
	if j := must(s.ecs.ShowJob(&ecsmodel.ShowJobRequest{JobId: *stopped.JobId})); j.Status.Value() != "SUCCESS" {
		t.Fatalf("ECS stop job = %+v", j)
	}
	s.waitJob(t, must(c.StartProtectionGroup(&model.StartProtectionGroupRequest{ServerGroupId: group,
		Body: &model.StartProtectionGroupRequestBody{StartServerGroup: &empty}})).JobId)
	s.waitJob(t, must(c.StartReverseProtectionGroup(&model.StartReverseProtectionGroupRequest{ServerGroupId: group,
		Body: &model.ReverseProtectionGroupRequestBody{ReverseServerGroup: &model.ReverseProtectionGroupRequestParams{
			PriorityStation: model.GetReverseProtectionGroupRequestParamsPriorityStationEnum().SOURCE}}})).JobId)

	// Quotas and RPO statistics.
	quota := must(c.ShowQuota(&model.ShowQuotaRequest{})).Quotas
	if len(quota.Resources) != 2 || quota.Resources[1].Used != 3 {
		t.Fatalf("quotas = %+v", quota)
	}
	rpo := must(c.ListRpoStatistics(&model.ListRpoStatisticsRequest{ResourceType: ptr("replication"), Limit: ptr(int32(2)), Offset: ptr(int32(0))}))
	if *rpo.Count < 1 || len(*rpo.ResourceRpoStatistics) != 2 || (*rpo.ResourceRpoStatistics)[0].ResourceType.Value() != "replication" {
		t.Fatalf("rpo = %+v", rpo)
	}

	// Detach, delete the instance with its DR server, and see the task center.
	s.waitJob(t, must(c.DetachProtectedInstanceReplication(&model.DetachProtectedInstanceReplicationRequest{ProtectedInstanceId: id,
		ReplicationId: pairID})).JobId)
	s.waitJob(t, must(c.DeleteProtectedInstance(&model.DeleteProtectedInstanceRequest{ProtectedInstanceId: id,
		Body: &model.DeleteProtectedInstanceRequestBody{DeleteTargetServer: ptr(true), DeleteTargetEip: ptr(true)}})).JobId)
	_, err = c.ShowProtectedInstance(&model.ShowProtectedInstanceRequest{ProtectedInstanceId: id})
	if !errors.As(err, &sre) || sre.StatusCode != http.StatusBadRequest || sre.ErrorCode != "SDRS.1320" {
		t.Fatalf("deleted instance: %v", err)
	}
	_, err = s.ecs.ShowServer(&ecsmodel.ShowServerRequest{ServerId: drServer})
	if !errors.As(err, &sre) || sre.StatusCode != http.StatusNotFound {
		t.Fatalf("deleted DR server: %v", err)
	}

	failing := must(c.CreateReplication(&model.CreateReplicationRequest{Body: &model.CreateReplicationRequestBody{
		Replication: &model.CreateReplicationRequestParams{ServerGroupId: group, VolumeId: sdrs.VolumeIDs[1], Name: "sdk-failing",
			Description: ptr("SANDBOX_FAIL_CREATE")}}}))
	s.clock = s.clock.Add(sdkTransition)
	failures := must(c.ListFailureJobs(&model.ListFailureJobsRequest{ServerGroupId: &group, ResourceType: ptr(model.GetListFailureJobsRequestResourceTypeEnum().REPLICATIONS)}))
	if *failures.Count != 1 || (*failures.FailureJobs)[0].JobId != *failing.JobId || (*failures.FailureJobs)[0].FailureStatus.Value() != "createFail" {
		b, _ := json.Marshal(failures)
		t.Fatalf("failure jobs = %s", b)
	}
	must(c.DeleteFailureJob(&model.DeleteFailureJobRequest{FailureJobId: *failing.JobId}))
	must(c.DeleteServerGroupFailureJobs(&model.DeleteServerGroupFailureJobsRequest{ServerGroupId: group}))
	must(c.DeleteAllServerGroupFailureJobs(&model.DeleteAllServerGroupFailureJobsRequest{}))
}
