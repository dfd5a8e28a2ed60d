package manila

import (
	"context"
	"net/http"
	"testing"

	"github.com/gophercloud/gophercloud/v2"
	"github.com/gophercloud/gophercloud/v2/openstack"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/apiversions"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/sharenetworks"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/sharetypes"
)

// The sandbox speaks to gophercloud itself: Keystone authentication, the
// service catalog, version discovery and raw ServiceClient calls with a
// microversion and the experimental header.
func TestGophercloudDrivesTheSandbox(t *testing.T) {
	f := newFixture(t, Options{})
	ctx := context.Background()
	for name, opts := range map[string]gophercloud.AuthOptions{
		"password": {IdentityEndpoint: f.srv.URL + "/v3", Username: UserName, Password: UserPassword, DomainName: DomainName,
			Scope: &gophercloud.AuthScope{ProjectName: ProjectName, DomainName: DomainName}, AllowReauth: true},
		"application credential": {IdentityEndpoint: f.srv.URL + "/v3", ApplicationCredentialID: AppCredentialID,
			ApplicationCredentialSecret: AppCredentialSecret, AllowReauth: true},
	} {
		t.Run(name, func(t *testing.T) {
			provider, err := openstack.AuthenticatedClient(ctx, opts)
			if err != nil {
				t.Fatal(err)
			}
			sc, err := openstack.NewSharedFileSystemV2(provider, gophercloud.EndpointOpts{Region: RegionName})
			if err != nil {
				t.Fatal(err)
			}
			if sc.Endpoint != f.srv.URL+"/v2/"+ProjectID+"/" {
				t.Errorf("endpoint %s", sc.Endpoint)
			}
			v, err := apiversions.Get(ctx, sc, "v2").Extract()
			if err != nil || v.Version != "2.22" || v.MinVersion != "2.0" {
				t.Fatalf("version %+v %v", v, err)
			}

			// Without microversion and experimental header: 404.
			_, err = sc.Get(ctx, sc.ServiceURL("consistency-groups"), nil, nil)
			if !gophercloud.ResponseCodeIs(err, http.StatusNotFound) {
				t.Fatalf("no microversion: %v", err)
			}
			sc.Microversion = "2.22"
			sc.MoreHeaders = map[string]string{headerExperimental: "True"}
			var created struct {
				CG struct {
					ID, Status string
				} `json:"consistency_group"`
			}
			_, err = sc.Post(ctx, sc.ServiceURL("consistency-groups"), map[string]any{"consistency_group": map[string]any{
				"name": "gophercloud", "share_types": []string{ShareTypeGoldID},
			}}, &created, nil)
			if err != nil || created.CG.Status != "creating" {
				t.Fatalf("create: %+v %v", created, err)
			}
			_, err = sc.Put(ctx, sc.ServiceURL("consistency-groups", created.CG.ID), map[string]any{"consistency_group": map[string]any{"name": "renamed"}},
				nil, &gophercloud.RequestOpts{OkCodes: []int{http.StatusOK}})
			if err != nil {
				t.Fatal(err)
			}
			// The library's own Manila packages work too.
			types, err := sharetypes.List(sc, nil).AllPages(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if all, _ := sharetypes.ExtractShareTypes(types); len(all) != 4 {
				t.Errorf("share types %v", all)
			}
			nets, err := sharenetworks.ListDetail(sc, sharenetworks.ListOpts{Name: ShareNetworkName}).AllPages(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if all, _ := sharenetworks.ExtractShareNetworks(nets); len(all) != 1 || all[0].ID != ShareNetworkID {
				t.Errorf("share networks %v", all)
			}

			// A revoked token is replaced by reauthentication.
			expect(t, f.send(request{method: http.MethodDelete, path: "/v3/auth/tokens", token: f.admin,
				headers: map[string]string{"X-Subject-Token": provider.Token()}}), http.StatusNoContent, "")
			if _, err := sc.Delete(ctx, sc.ServiceURL("consistency-groups", created.CG.ID), nil); err != nil {
				t.Fatalf("delete after the token was revoked: %v", err)
			}
		})
	}
}

func TestModernServerHasNoConsistencyGroups(t *testing.T) {
	f := newFixture(t, Options{Modern: true})
	const unrouted = `{"message": "The resource could not be found.<br /><br />\n\n\n", "code": "404 Not Found", "title": "Not Found"}`
	for _, path := range []string{"/consistency-groups", "/consistency-groups/detail", "/cgsnapshots"} {
		res := f.send(request{method: http.MethodGet, path: "/v2/" + ProjectID + path, token: f.user, version: "2.22", experimental: true})
		expect(t, res, http.StatusNotFound, unrouted)
		if res.header.Get(headerVersion) != "" {
			t.Errorf("an unrouted answer carries %s", headerVersion)
		}
	}
	expect(t, f.send(request{method: http.MethodGet, path: "/v2/" + ProjectID + "/consistency-groups", version: "2.22"}),
		http.StatusUnauthorized, unauthorizedBody)
	res := f.send(request{method: http.MethodGet, path: "/v2/", token: f.user})
	if v := res.body["versions"].([]any)[0].(map[string]any); v["version"] != "2.99" {
		t.Errorf("modern maximum %v", v["version"])
	}
	expect(t, f.send(request{method: http.MethodGet, path: "/v2/" + ProjectID + "/types", token: f.user, version: "2.60"}), http.StatusOK, "")
}
