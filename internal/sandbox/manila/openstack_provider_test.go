//go:build openstackprovider

package manila_test

// The OpenStack provider (terraform-provider-openstack) is the Manila
// client most users already have: its share, share access and share
// network resources and its share, share network, snapshot and
// availability zone data sources must work against the sandbox, at the
// microversions that provider sends (2.14 for shares, 2.7 to 2.45 for
// access rules, none for share networks, security services and zones),
// on a Newton sandbox and on a modern one.
//
// The test needs that provider's binary (OPENSTACK_PROVIDER_BIN) and
// Terraform; `make test-openstack-provider` builds the binary from the Go
// module proxy into a cache outside the repository and runs this test. It
// is behind a build tag so that `make test` does not count it as skipped;
// it fails, rather than skips, when the binary is missing.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/gophercloud/gophercloud/v2"
	"github.com/gophercloud/gophercloud/v2/openstack"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/shares"
	"github.com/gophercloud/gophercloud/v2/openstack/sharedfilesystems/v2/snapshots"
)

// tpo runs terraform with the OpenStack provider in a directory of its own.
type tpo struct {
	t         *testing.T
	terraform string
	dir       string
	env       []string
}

func newTPO(t *testing.T, srvEnv []sandbox.EnvVar) *tpo {
	t.Helper()
	bin := os.Getenv("OPENSTACK_PROVIDER_BIN")
	if bin == "" {
		t.Fatal("OPENSTACK_PROVIDER_BIN is not set: run make test-openstack-provider, which builds terraform-provider-openstack v3.4.0 and sets it")
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("OPENSTACK_PROVIDER_BIN: %v", err)
	}
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			t.Fatal("no terraform on PATH and TF_ACC_TERRAFORM_PATH is not set")
		}
	}
	dir := t.TempDir()
	rc := filepath.Join(dir, "terraformrc")
	config := fmt.Sprintf(`provider_installation {
  dev_overrides {
    "registry.terraform.io/terraform-provider-openstack/openstack" = %q
  }
  direct {}
}
`, filepath.Dir(bin))
	if err := os.WriteFile(rc, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	for _, v := range srvEnv {
		env = append(env, v.Name+"="+v.Value)
	}
	work := filepath.Join(dir, "work")
	if err := os.Mkdir(work, 0o700); err != nil {
		t.Fatal(err)
	}
	return &tpo{t: t, terraform: tf, dir: work, env: env}
}

// run runs terraform with args and returns its exit code and output.
func (p *tpo) run(args ...string) (int, string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, p.terraform, append([]string{"-chdir=" + p.dir}, args...)...)
	cmd.Env = p.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); ok {
		return exit.ExitCode(), out.String()
	}
	if err != nil {
		p.t.Fatalf("terraform %v: %v", args, err)
	}
	return 0, out.String()
}

// must runs terraform and fails the test unless it exits 0.
func (p *tpo) must(args ...string) string {
	p.t.Helper()
	code, out := p.run(args...)
	if code != 0 {
		p.t.Fatalf("terraform %s: exit %d\n%s", strings.Join(args, " "), code, out)
	}
	return out
}

// write replaces the configuration.
func (p *tpo) write(config string) {
	p.t.Helper()
	if err := os.WriteFile(filepath.Join(p.dir, "main.tf"), []byte(config), 0o600); err != nil {
		p.t.Fatal(err)
	}
}

// noChanges checks that a plan is empty (plan -detailed-exitcode exits 0).
func (p *tpo) noChanges(what string) {
	p.t.Helper()
	if code, out := p.run("plan", "-input=false", "-no-color", "-detailed-exitcode"); code != 0 {
		p.t.Fatalf("%s: the plan is not empty (exit %d)\n%s", what, code, out)
	}
}

// tpoConfig is a share network (with the fixture's security service), a
// share of the gold type with metadata, an access rule, and the data
// sources; withSnapshot adds the snapshot data source and a metadata key.
func tpoConfig(name string, size int, level string, withSnapshot bool) string {
	snapshot, tier := "", ""
	if withSnapshot {
		tier = `tier = "1"`
		snapshot = `
data "openstack_sharedfilesystem_snapshot_v2" "snap" {
  name = "` + name + `-snap"
}
output "snapshot_share" {
  value = data.openstack_sharedfilesystem_snapshot_v2.snap.share_id
}`
	}
	return fmt.Sprintf(`
terraform {
  required_providers {
    openstack = {
      source = "terraform-provider-openstack/openstack"
    }
  }
}
provider "openstack" {}

resource "openstack_sharedfilesystem_sharenetwork_v2" "net" {
  name                 = "%[1]s-net"
  description          = "made by the OpenStack provider"
  neutron_net_id       = "net-%[1]s"
  neutron_subnet_id    = "subnet-%[1]s"
  security_service_ids = [%[5]q]
}
resource "openstack_sharedfilesystem_share_v2" "share" {
  name        = %[1]q
  description = "made by the OpenStack provider"
  share_proto = "NFS"
  share_type  = "gold"
  size        = %[2]d
  metadata = {
    app = "db"
    %[6]s
  }
}
resource "openstack_sharedfilesystem_share_access_v2" "clients" {
  share_id     = openstack_sharedfilesystem_share_v2.share.id
  access_type  = "ip"
  access_to    = "10.0.0.0/24"
  access_level = %[3]q
}
data "openstack_sharedfilesystem_share_v2" "share" {
  name       = %[1]q
  depends_on = [openstack_sharedfilesystem_share_v2.share]
}
data "openstack_sharedfilesystem_sharenetwork_v2" "default" {
  name = "sn-default"
}
data "openstack_sharedfilesystem_availability_zones_v2" "zones" {}
%[4]s
output "export_path" {
  value = openstack_sharedfilesystem_share_v2.share.export_locations[0].path
}
output "data_export_path" {
  value = data.openstack_sharedfilesystem_share_v2.share.export_locations[0].path
}
output "zones" {
  value = data.openstack_sharedfilesystem_availability_zones_v2.zones.names
}
output "default_network" {
  value = data.openstack_sharedfilesystem_sharenetwork_v2.default.id
}
output "access_state" {
  value = openstack_sharedfilesystem_share_access_v2.clients.state
}
`, name, size, level, snapshot, sandboxSecurityService, tier)
}

// sandboxSecurityService is the fixture security service, which the share
// network adds.
var sandboxSecurityService string

// outputs returns terraform output -json as strings and lists.
func (p *tpo) outputs() map[string]any {
	p.t.Helper()
	var raw map[string]struct {
		Value any `json:"value"`
	}
	if err := json.Unmarshal([]byte(p.must("output", "-json")), &raw); err != nil {
		p.t.Fatal(err)
	}
	out := map[string]any{}
	for k, v := range raw {
		out[k] = v.Value
	}
	return out
}

func TestOpenStackProviderAgainstTheSandbox(t *testing.T) {
	for name, opts := range map[string]sandbox.Options{
		"newton": {ManilaMaxVersion: "2.22"},
		"modern": {ManilaModern: true},
	} {
		t.Run(name, func(t *testing.T) {
			opts.Addr, opts.Transition = "127.0.0.1:0", 200*time.Millisecond
			srv, err := sandbox.Start(opts)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = srv.Shutdown(context.Background()) })
			env := map[string]string{}
			for _, v := range srv.Env() {
				env[v.Name] = v.Value
			}
			sandboxSecurityService = env["CONTINUITY_SANDBOX_MANILA_SECURITY_SERVICE_ID"]
			p := newTPO(t, srv.Env())
			shareName := "tpo-" + name

			p.write(tpoConfig(shareName, 1, "rw", false))
			p.must("apply", "-auto-approve", "-input=false", "-no-color")
			out := p.outputs()
			if path, _ := out["export_path"].(string); !strings.HasPrefix(path, "10.254.0.10:/shares/share-") || out["data_export_path"] != path {
				t.Errorf("export paths %v", out)
			}
			if zones, _ := out["zones"].([]any); len(zones) != 2 || zones[0] != "nova" || zones[1] != "nova-dr" {
				t.Errorf("zones %v", out["zones"])
			}
			if out["default_network"] != env["CONTINUITY_SANDBOX_MANILA_SHARE_NETWORK_ID"] || out["access_state"] != "active" {
				t.Errorf("outputs %v", out)
			}
			p.noChanges("after the creation")

			// A snapshot made by another client, for the snapshot data
			// source; then the share grows, is renamed back and its rule
			// becomes read-only.
			snap := gopherSnapshot(t, env, shareName)
			p.write(tpoConfig(shareName, 2, "ro", true))
			p.must("apply", "-auto-approve", "-input=false", "-no-color")
			if out := p.outputs(); out["snapshot_share"] == nil || out["access_state"] != "active" {
				t.Errorf("after the update: %v", out)
			}
			p.noChanges("after the update")

			// The share is imported again into a fresh state.
			p.must("state", "rm", "openstack_sharedfilesystem_share_v2.share")
			id := gopherShareID(t, env, shareName)
			p.must("import", "-input=false", "-no-color", "openstack_sharedfilesystem_share_v2.share", id)

			gopherDeleteSnapshot(t, env, snap)
			p.write(tpoConfig(shareName, 2, "ro", false))
			p.must("destroy", "-auto-approve", "-input=false", "-no-color")
			// The routes it used, at the microversions it sends: access
			// rules read through /share-access-rules from 2.45 (modern),
			// through the access_list action before (Newton).
			routes := metricRoutes(t, srv.URL())
			want := []string{"POST /v2/{project_id}/shares", "GET /v2/{project_id}/shares/{id}/export_locations",
				"POST /v2/{project_id}/share-networks", "GET /v2/{project_id}/security-services/detail",
				"GET /v2/{project_id}/os-availability-zone", "GET /v2/{project_id}/snapshots/detail", "POST /v2/{project_id}/shares/{id}/metadata",
				"DELETE /v2/{project_id}/share-networks/{id}", "POST /v2/{project_id}/share-networks/{id}/action"}
			if name == "modern" {
				want = append(want, "GET /v2/{project_id}/share-access-rules/{id}")
			}
			for _, r := range want {
				if routes[r] == 0 {
					t.Errorf("the OpenStack provider never called %s: %v", r, routes)
				}
			}
			if routes["unmatched"] > 0 {
				t.Errorf("%d calls met no route", routes["unmatched"])
			}
			for _, o := range srv.Objects() {
				if !o.Fixture && (o.Kind == "manila.share" || o.Kind == "manila.share_network" || o.Kind == "manila.share_access") {
					t.Errorf("left after destroy: %+v", o)
				}
			}
		})
	}
}

// metricRoutes returns the request counts per route of the sandbox.
func metricRoutes(t *testing.T, base string) map[string]int64 {
	t.Helper()
	res, err := http.Get(base + sandbox.MetricsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var m struct {
		Routes map[string]struct {
			Requests int64 `json:"requests"`
		} `json:"routes"`
	}
	if err := json.NewDecoder(res.Body).Decode(&m); err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for k, v := range m.Routes {
		out[k] = v.Requests
	}
	return out
}

// gopherclient is a gophercloud client of the sandbox's user at 2.22.
func gopherclient(t *testing.T, env map[string]string) *gophercloud.ServiceClient {
	t.Helper()
	ctx := context.Background()
	provider, err := openstack.AuthenticatedClient(ctx, gophercloud.AuthOptions{
		IdentityEndpoint: env["OS_AUTH_URL"], Username: env["OS_USERNAME"], Password: env["OS_PASSWORD"], DomainName: env["OS_USER_DOMAIN_NAME"],
		Scope: &gophercloud.AuthScope{ProjectName: env["OS_PROJECT_NAME"], DomainName: env["OS_PROJECT_DOMAIN_NAME"]},
	})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := openstack.NewSharedFileSystemV2(provider, gophercloud.EndpointOpts{Region: env["OS_REGION_NAME"]})
	if err != nil {
		t.Fatal(err)
	}
	sc.Microversion = "2.22"
	return sc
}

func gopherShareID(t *testing.T, env map[string]string, name string) string {
	t.Helper()
	pages, err := shares.ListDetail(gopherclient(t, env), shares.ListOpts{Name: name}).AllPages(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	all, err := shares.ExtractShares(pages)
	if err != nil || len(all) != 1 {
		t.Fatalf("shares named %s: %v %v", name, all, err)
	}
	return all[0].ID
}

// gopherSnapshot snapshots the share and waits until it is available.
func gopherSnapshot(t *testing.T, env map[string]string, name string) string {
	t.Helper()
	sc := gopherclient(t, env)
	ctx := context.Background()
	s, err := snapshots.Create(ctx, sc, snapshots.CreateOpts{ShareID: gopherShareID(t, env, name), Name: name + "-snap"}).Extract()
	if err != nil {
		t.Fatal(err)
	}
	_, err = wait.Conf[*snapshots.Snapshot]{
		Operation: "snapshot " + s.ID + " to become available", Pending: []string{"creating"}, Target: []string{"available"},
		Refresh: func(ctx context.Context) (*snapshots.Snapshot, string, error) {
			got, err := snapshots.Get(ctx, sc, s.ID).Extract()
			if err != nil {
				return nil, "", err
			}
			return got, got.Status, nil
		},
	}.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return s.ID
}

// gopherDeleteSnapshot deletes the snapshot and waits until it is gone.
func gopherDeleteSnapshot(t *testing.T, env map[string]string, id string) {
	t.Helper()
	sc := gopherclient(t, env)
	ctx := context.Background()
	if err := snapshots.Delete(ctx, sc, id).ExtractErr(); err != nil {
		t.Fatal(err)
	}
	err := wait.UntilGone(ctx, "", "snapshot "+id+" to be deleted", func(ctx context.Context) error {
		_, err := snapshots.Get(ctx, sc, id).Extract()
		if gophercloud.ResponseCodeIs(err, http.StatusNotFound) {
			return &apierr.NotFoundError{Kind: "snapshot", ID: id}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
