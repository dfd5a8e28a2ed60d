package sdrs_test

import (
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/sdrs"
	ecsmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/ecs/v2/model"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

const userEstate = `{
	"vpcs": [
		{"name": "prod-vpc", "cidr": "10.10.0.0/16", "subnets": [{"name": "prod-app", "cidr": "10.10.1.0/24"}]},
		{"name": "dr-drill-vpc", "cidr": "10.10.0.0/16", "drill": true, "subnets": [{"name": "drill-app", "cidr": "10.10.1.0/24"}]}
	],
	"servers": [
		{"name": "erp-app-01", "flavor": "s6.xlarge.2", "disks": [{"size_gb": 80, "type": "SSD"}, {"size_gb": 200}], "nics": [{"subnet": "prod-app", "ip": "10.10.1.21"}]},
		{"name": "erp-db-01"}
	],
	"volumes": [{"name": "erp-archive", "size_gb": 500, "type": "SATA"}]
}`

func envMap(api *sdrs.API) map[string]string {
	out := map[string]string{}
	for _, v := range api.Env("http://sandbox") {
		out[v.Name] = v.Value
	}
	return out
}

// A protected instance of a user's server, through Huawei's SDK: the
// server, its disks and its NIC are the fixture's.
func TestOfficialSDKProtectsAUserServer(t *testing.T) {
	defer fatalOnPanic(t)
	var env map[string]string
	s := newSDKClientsWith(t, func(api *sdrs.API) {
		if err := api.Fixtures([]byte(userEstate), true); err != nil {
			t.Fatal(err)
		}
		env = envMap(api)
	})
	servers := strings.Split(env[sdrs.EnvServerIDs], ",")
	if len(servers) != 2 || env[sdrs.EnvVolumeIDs] == "" || strings.Contains(env[sdrs.EnvVolumeIDs], ",") || env[sdrs.EnvDrillVPCID] == env[sdrs.EnvVPCID] {
		t.Fatalf("env %v", env)
	}
	erp := must(s.ecs.ShowServer(&ecsmodel.ShowServerRequest{ServerId: servers[0]})).Server
	if erp.Name != "erp-app-01" || erp.Flavor.Id != "s6.xlarge.2" || len(erp.OsExtendedVolumesvolumesAttached) != 2 {
		t.Fatalf("server = %+v", erp)
	}
	c := s.client
	group := *s.waitJob(t, must(c.CreateProtectionGroup(&model.CreateProtectionGroupRequest{Body: &model.CreateProtectionGroupRequestBody{
		ServerGroup: &model.CreateProtectionGroupRequestParams{Name: "erp", SourceAvailabilityZone: sdrs.AZ1, TargetAvailabilityZone: sdrs.AZ2,
			DomainId: sdrs.DomainID, SourceVpcId: env[sdrs.EnvVPCID]}}})).JobId).Entities.ServerGroupId
	created := must(c.CreateProtectedInstance(&model.CreateProtectedInstanceRequest{Body: &model.CreateProtectedInstanceRequestBody{
		ProtectedInstance: &model.CreateProtectedInstanceRequestParams{ServerGroupId: group, ServerId: servers[0], Name: "erp-app-01"}}}))
	id := *s.waitJob(t, created.JobId).Entities.ProtectedInstanceId
	inst := must(c.ShowProtectedInstance(&model.ShowProtectedInstanceRequest{ProtectedInstanceId: id})).ProtectedInstance
	if inst.Status != "available" || inst.SourceServer != servers[0] || len(inst.Attachment) != 2 {
		t.Fatalf("instance = %+v", inst)
	}
	pair := *s.waitJob(t, must(c.CreateReplication(&model.CreateReplicationRequest{Body: &model.CreateReplicationRequestBody{
		Replication: &model.CreateReplicationRequestParams{ServerGroupId: group, VolumeId: env[sdrs.EnvVolumeIDs], Name: "archive"}}})).JobId).Entities.ReplicationPairId
	if got := must(c.ShowReplication(&model.ShowReplicationRequest{ReplicationId: pair})).Replication; got.RecordMetadata.VolumeSize != 500 {
		t.Errorf("pair of the archive disk = %+v", got.RecordMetadata)
	}
}

func TestUserFixturesExtendTheDefaults(t *testing.T) {
	api := sdrs.New(sdrs.Options{})
	if err := api.Fixtures([]byte(`{"servers": [{"name": "extra-01"}]}`), false); err != nil {
		t.Fatal(err)
	}
	env := envMap(api)
	if got := strings.Split(env[sdrs.EnvServerIDs], ","); len(got) != len(sdrs.ServerIDs)+1 || env[sdrs.EnvVPCID] != sdrs.VPCID || env[sdrs.EnvSubnetID] != sdrs.SubnetID {
		t.Errorf("env %v", env)
	}
}

func TestUserFixturesReplaceOnlyTheKindsGiven(t *testing.T) {
	api := sdrs.New(sdrs.Options{})
	if err := api.Fixtures([]byte(`{"volumes": [{"name": "only"}]}`), true); err != nil {
		t.Fatal(err)
	}
	env := envMap(api)
	if env[sdrs.EnvServerIDs] != strings.Join(sdrs.ServerIDs, ",") || strings.Contains(env[sdrs.EnvVolumeIDs], ",") || env[sdrs.EnvVPCID] != sdrs.VPCID {
		t.Errorf("env %v, want the default servers and VPC, one volume", env)
	}
}

func TestUserFixturesRefuseDuplicatesAndMistakes(t *testing.T) {
	for doc, want := range map[string]string{
		`{"servers": [{"name": "sandbox-ecs-01"}]}`:                                      `server "sandbox-ecs-01": the name is taken`,
		`{"servers": [{"name": "x", "id": "` + sdrs.ServerIDs[1] + `"}]}`:                `the ID ` + sdrs.ServerIDs[1] + ` is taken`,
		`{"vpcs": [{"name": "sandbox-vpc"}]}`:                                            `VPC "sandbox-vpc": the name is taken`,
		`{"volumes": [{"name": "v", "id": "` + sdrs.VolumeIDs[0] + `"}]}`:                `the ID is taken`,
		`{"servers": [{"name": "x", "flavor": "m1.huge"}]}`:                              `flavor "m1.huge" is not one of`,
		`{"servers": [{"name": "x", "nics": [{"subnet": "nowhere"}]}]}`:                  `no subnet "nowhere"`,
		`{"vpcs": [{"name": "v", "subnets": [{"name": "s", "cidr": "172.16.0.0/24"}]}]}`: `is not a block of VPC "v"`,
		`{"servers": [{"name": "x", "nics": [{"ip": "192.168.0.11"}]}]}`:                 `in use`,
		`{"disks": []}`: `unknown field "disks"`,
	} {
		if err := sdrs.New(sdrs.Options{}).Fixtures([]byte(doc), false); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", doc, err, want)
		}
	}
}
