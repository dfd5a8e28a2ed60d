package sandbox

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/manila"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/sdrs"
	"github.com/gophercloud/gophercloud/v2"
	"github.com/gophercloud/gophercloud/v2/openstack"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/shares"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	sdrsv1 "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// manilaClient authenticates with gophercloud as the OS_* variables of v
// say, and returns the Manila client the catalog points at, or the
// authentication's error.
func manilaClient(v map[string]string) (*gophercloud.ServiceClient, error) {
	ctx := context.Background()
	provider, err := openstack.AuthenticatedClient(ctx, gophercloud.AuthOptions{
		IdentityEndpoint: v["OS_AUTH_URL"], Username: v["OS_USERNAME"], Password: v["OS_PASSWORD"], DomainName: v["OS_USER_DOMAIN_NAME"],
		Scope: &gophercloud.AuthScope{ProjectName: v["OS_PROJECT_NAME"], DomainName: v["OS_PROJECT_DOMAIN_NAME"]},
	})
	if err != nil {
		return nil, err
	}
	return openstack.NewSharedFileSystemV2(provider, gophercloud.EndpointOpts{Region: v["OS_REGION_NAME"]})
}

// sdrsClient is the Huawei SDK's SDRS client with the HW_* variables of v.
func sdrsClient(t *testing.T, v map[string]string) *sdrsv1.SdrsClient {
	t.Helper()
	cred, err := basic.NewCredentialsBuilder().WithAk(v["HW_ACCESS_KEY"]).WithSk(v["HW_SECRET_KEY"]).WithProjectId(v["HW_PROJECT_ID"]).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	hc, err := sdrsv1.SdrsClientBuilder().WithEndpoints([]string{v["HW_SDRS_ENDPOINT"]}).WithCredential(cred).
		WithHttpConfig(config.DefaultHttpConfig().WithUserAgent("continuity-sandbox-test").WithHttpRoundTripper(http.DefaultTransport)).
		SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	return sdrsv1.NewSdrsClient(hc)
}

func sharesNamed(t *testing.T, c *gophercloud.ServiceClient, name string) []shares.Share {
	t.Helper()
	pages, err := shares.ListDetail(c, shares.ListOpts{Name: name}).AllPages(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	list, err := shares.ExtractShares(pages)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func groupsNamed(t *testing.T, c *sdrsv1.SdrsClient, name string) int {
	t.Helper()
	list, err := c.ListProtectionGroups(&model.ListProtectionGroupsRequest{Name: &name})
	if err != nil {
		t.Fatal(err)
	}
	return int(*list.Count)
}

// gophercloud (Keystone and Manila, through the catalog of the tenant's
// Keystone) and the Huawei SDK (SDRS at the root, by the tenant's project
// and AK/SK) work against a tenant, see only its objects, and get each
// API's 401 once the tenant is deleted.
func TestVendorClientsAgainstTenants(t *testing.T) {
	srv := startSandbox(t)
	a, err := srv.CreateTenant("a")
	if err != nil {
		t.Fatal(err)
	}
	b, err := srv.CreateTenant("b")
	if err != nil {
		t.Fatal(err)
	}
	def := envMap(t, srv)
	ctx := context.Background()

	clients := map[string]*gophercloud.ServiceClient{}
	for name, v := range map[string]map[string]string{"a": a.Variables, "b": b.Variables, "default": def} {
		c, err := manilaClient(v)
		if err != nil {
			t.Fatalf("gophercloud in %s: %v", name, err)
		}
		clients[name] = c
	}
	if want := a.Variables["ASTRA_ENDPOINT"] + "/v2/"; clients["a"].Endpoint[:len(want)] != want {
		t.Fatalf("a's Manila endpoint %q, want it under %q", clients["a"].Endpoint, want)
	}
	for _, name := range []string{"a", "b"} {
		if _, err := shares.Create(ctx, clients[name], shares.CreateOpts{ShareProto: "NFS", Size: 1, Name: "same", ShareType: manila.ShareTypeGoldName}).Extract(); err != nil {
			t.Fatalf("share in %s: %v", name, err)
		}
	}
	for name, want := range map[string]int{"a": 1, "b": 1, "default": 0} {
		if got := sharesNamed(t, clients[name], "same"); len(got) != want {
			t.Errorf("%s lists %d shares named same, want %d", name, len(got), want)
		}
	}

	sdk := map[string]*sdrsv1.SdrsClient{"a": sdrsClient(t, a.Variables), "b": sdrsClient(t, b.Variables), "default": sdrsClient(t, def)}
	migration := model.GetCreateProtectionGroupRequestParamsDrTypeEnum().MIGRATION
	for _, name := range []string{"a", "b"} {
		v := map[string]map[string]string{"a": a.Variables, "b": b.Variables}[name]
		if _, err := sdk[name].CreateProtectionGroup(&model.CreateProtectionGroupRequest{Body: &model.CreateProtectionGroupRequestBody{
			ServerGroup: &model.CreateProtectionGroupRequestParams{Name: "same", SourceAvailabilityZone: sdrs.AZ1, TargetAvailabilityZone: sdrs.AZ2,
				DomainId: v["CONTINUITY_SANDBOX_SDRS_DOMAIN_ID"], SourceVpcId: v["CONTINUITY_SANDBOX_SDRS_VPC_ID"], DrType: &migration},
		}}); err != nil {
			t.Fatalf("group in %s: %v", name, err)
		}
	}
	for name, want := range map[string]int{"a": 1, "b": 1, "default": 0} {
		if got := groupsNamed(t, sdk[name], "same"); got != want {
			t.Errorf("%s lists %d protection groups named same, want %d", name, got, want)
		}
	}
	// a's keys with b's project: the gateway's 401.
	mixed := map[string]string{}
	for k, v := range b.Variables {
		mixed[k] = v
	}
	mixed["HW_ACCESS_KEY"], mixed["HW_SECRET_KEY"] = a.Variables["HW_ACCESS_KEY"], a.Variables["HW_SECRET_KEY"]
	_, err = sdrsClient(t, mixed).ListProtectionGroups(&model.ListProtectionGroupsRequest{})
	checkSDRS401(t, "a's keys in b's project", err)

	// a's password at b's Keystone: Keystone's 401.
	mixed = map[string]string{}
	for k, v := range b.Variables {
		mixed[k] = v
	}
	mixed["OS_PASSWORD"] = a.Variables["OS_PASSWORD"]
	if _, err := manilaClient(mixed); !gophercloud.ResponseCodeIs(err, http.StatusUnauthorized) {
		t.Errorf("a's password at b's Keystone: %v, want 401", err)
	}

	if err := srv.DeleteTenant("a"); err != nil {
		t.Fatal(err)
	}
	_, err = sdk["a"].ListProtectionGroups(&model.ListProtectionGroupsRequest{})
	checkSDRS401(t, "SDRS of a deleted tenant", err)
	if _, err := manilaClient(a.Variables); !gophercloud.ResponseCodeIs(err, http.StatusUnauthorized) {
		t.Errorf("Keystone of a deleted tenant: %v, want 401", err)
	}
	// The token a's Keystone issued is gone with it.
	if _, err := shares.ListDetail(clients["a"], nil).AllPages(ctx); !gophercloud.ResponseCodeIs(err, http.StatusUnauthorized) {
		t.Errorf("Manila of a deleted tenant: %v, want 401", err)
	}
	if got := sharesNamed(t, clients["b"], "same"); len(got) != 1 {
		t.Errorf("b after a's deletion: %d shares", len(got))
	}
	if got := groupsNamed(t, sdk["b"], "same"); got != 1 {
		t.Errorf("b after a's deletion: %d groups", got)
	}
}

func checkSDRS401(t *testing.T, what string, err error) {
	t.Helper()
	var sre *sdkerr.ServiceResponseError
	if !errors.As(err, &sre) || sre.StatusCode != http.StatusUnauthorized || sre.ErrorCode != "APIGW.0301" {
		t.Errorf("%s: %v, want 401 APIGW.0301", what, err)
	}
}
