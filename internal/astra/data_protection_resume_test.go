package astra_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/astra"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-framework/path"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The data-protection objects under interruptions, timeouts and failures:
// an operation under way is resumed in place and never requested again; a
// create that times out is tainted and replaced; a failure ends the wait
// with Astra Control's explanation.

// resumeCase is an object made through the API while its operation is held
// by a stall, then imported and planned: the plan is an in-place update
// that waits, and the apply (with the stall lifted) converges on the same
// object, with its POST sent once.
type resumeCase struct {
	typeName, addr, op, kind, post, target string
	// make creates the object through the API and returns its import ID
	// and the ID of another object its configuration names (or "").
	make func(t *testing.T, s faultySandbox, c *astra.Client) (importID, ref string)
	// config is the configuration that describes it.
	config func(s faultySandbox, ref string) string
}

var resumeCases = []resumeCase{
	{
		typeName: "continuity_astra_app", addr: appAddr, op: "astra.app.manage", kind: "astra.app", target: "ready",
		post: "POST /accounts/{account_id}/k8s/v2/apps",
		make: func(t *testing.T, s faultySandbox, c *astra.Client) (string, string) {
			a, err := c.CreateApp(context.Background(), astra.AppCreate{Name: "resumed", ClusterID: s.env[acctest.EnvAstraClusterEastID],
				NamespaceScopedResources: []astra.NamespaceResource{{Namespace: "ledger"}}})
			if err != nil {
				t.Fatal(err)
			}
			return a.ID, ""
		},
		config: func(s faultySandbox, _ string) string {
			return fmt.Sprintf(`
resource "continuity_astra_app" "test" {
  name       = "resumed"
  cluster_id = %q
  namespace_scoped_resources = [{ namespace = "ledger" }]
}`, s.env[acctest.EnvAstraClusterEastID])
		},
	},
	{
		typeName: "continuity_astra_snapshot", addr: snapshotAddr, op: "astra.snapshot.create", kind: "astra.snapshot", target: "completed",
		post: "POST /accounts/{account_id}/k8s/v1/apps/{app_id}/appSnaps",
		make: func(t *testing.T, s faultySandbox, c *astra.Client) (string, string) {
			snap, err := c.CreateSnapshot(context.Background(), s.env[acctest.EnvAstraWordpressID], "resumed", "")
			if err != nil {
				t.Fatal(err)
			}
			return s.env[acctest.EnvAstraWordpressID] + "/" + snap.ID, ""
		},
		config: func(s faultySandbox, _ string) string {
			return fmt.Sprintf("resource \"continuity_astra_snapshot\" \"test\" {\n  app_id = %q\n  name   = \"resumed\"\n}\n", s.env[acctest.EnvAstraWordpressID])
		},
	},
	{
		typeName: "continuity_astra_backup", addr: backupAddr, op: "astra.backup.create", kind: "astra.backup", target: "completed",
		post: "POST /accounts/{account_id}/k8s/v1/apps/{app_id}/appBackups",
		make: func(t *testing.T, s faultySandbox, c *astra.Client) (string, string) {
			ctx := context.Background()
			b, _ := makeBucket(t, c)
			waitFor(t, "bucket", func(ctx context.Context) (string, error) {
				got, err := c.GetBucket(ctx, b.ID)
				if err != nil {
					return "", err
				}
				return got.State, nil
			}, "available")
			backup, err := c.CreateBackup(ctx, s.env[acctest.EnvAstraPostgresID], astra.BackupInput{Name: "resumed", BucketID: b.ID})
			if err != nil {
				t.Fatal(err)
			}
			return s.env[acctest.EnvAstraPostgresID] + "/" + backup.ID, ""
		},
		config: func(s faultySandbox, _ string) string {
			return fmt.Sprintf("resource \"continuity_astra_backup\" \"test\" {\n  app_id = %q\n  name   = \"resumed\"\n}\n", s.env[acctest.EnvAstraPostgresID])
		},
	},
	{
		// A bucket found pending: Astra Control still checks it.
		typeName: "continuity_astra_bucket", addr: bucketAddr, op: "astra.bucket.create", kind: "astra.bucket", target: "available",
		post: "POST /accounts/{account_id}/topology/v1/buckets",
		make: func(t *testing.T, _ faultySandbox, c *astra.Client) (string, string) {
			b, credential := makeBucket(t, c)
			return b.ID, credential
		},
		config: func(_ faultySandbox, credential string) string {
			return fmt.Sprintf(`
resource "continuity_astra_bucket" "test" {
  name          = "resumed"
  object_store  = "generic-s3"
  credential_id = %q
  bucket_name   = "resumed"
  server_url    = "s3.example.com"
}`, credential)
		},
	},
}

// An object brought under Terraform while its operation is under way (held
// by a stall) plans an in-place update that waits; the apply converges on
// the same object without a second request.
func TestAccDataProtection_resumeInPlace(t *testing.T) {
	for _, tc := range resumeCases {
		t.Run(tc.typeName, func(t *testing.T) {
			s := startFaultySandbox(t, "")
			client := acctest.AstraClientFrom(t, s.env)
			s.setFaults(t, "stall="+tc.op)
			importID, ref := tc.make(t, s, client)
			var id string
			config := s.provider + tc.config(s, ref)
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheckAstra(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{
						Config:             config,
						ResourceName:       tc.addr,
						ImportState:        true,
						ImportStatePersist: true,
						ImportStateIdFunc:  func(*terraform.State) (string, error) { return importID, nil },
						ImportStateCheck: func(states []*terraform.InstanceState) error {
							if len(states) != 1 || states[0].Attributes["state"] == tc.target {
								return fmt.Errorf("imported %v, want one object under way", states)
							}
							id = states[0].ID
							return nil
						},
					},
					{
						Config: config,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							setFaultsCheck{s: s, t: t, spec: ""},
							plancheck.ExpectResourceAction(tc.addr, plancheck.ResourceActionUpdate),
							plancheck.ExpectKnownValue(tc.addr, tfjsonpath.New("state"), knownvalue.StringExact(tc.target)),
						}},
						ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(tc.addr, tfjsonpath.New("state"), knownvalue.StringExact(tc.target))},
						Check: resource.ComposeAggregateTestCheckFunc(
							sameAttr(tc.addr, "id", &id),
							s.holdsExactly(t, tc.typeName, tc.kind),
							func(*terraform.State) error {
								if n := s.requests(t, tc.post); n != 1 {
									return fmt.Errorf("%d POSTs, want only the one that made the object", n)
								}
								return nil
							},
						),
					},
					{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
				},
			})
		})
	}
}

// makeBucket makes a credential and a generic-s3 bucket, both named
// "resumed", through the API, and returns the bucket (as the answer to its
// create has it) and the credential's ID.
func makeBucket(t *testing.T, c *astra.Client) (*astra.Bucket, string) {
	t.Helper()
	ctx := context.Background()
	const name = "resumed"
	cred, err := c.CreateCredential(ctx, astra.CredentialInput{Name: name, KeyType: "s3", Valid: true,
		KeyStore: map[string]string{"accessKey": acctest.Base64("a"), "accessSecret": acctest.Base64("b")}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.CreateBucket(ctx, astra.BucketInput{Name: name, CredentialID: cred.ID, Provider: "generic-s3",
		BucketParameters: astra.BucketParameters{S3: &astra.S3BucketParameters{ServerURL: "s3.example.com", BucketName: name}}})
	if err != nil {
		t.Fatal(err)
	}
	return b, cred.ID
}

// waitFor waits, through the API, until get answers state (pending
// states: pending, discovering, running).
func waitFor(t *testing.T, what string, get func(ctx context.Context) (string, error), state string) {
	t.Helper()
	_, err := wait.Conf[struct{}]{
		Operation: what + " to be " + state,
		Pending:   []string{"pending", "discovering", "running"},
		Target:    []string{state},
		Refresh: func(ctx context.Context) (struct{}, string, error) {
			s, err := get(ctx)
			return struct{}{}, s, err
		},
	}.Wait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
}

// Creates that pass their timeout fail naming it, and leave the object in
// the state, tainted; the next apply replaces it: one object. The backup's
// bucket and the bucket's credential are not held and stay.
func TestAccDataProtection_createTimeoutTaints(t *testing.T) {
	for _, tc := range []struct {
		typeName, addr, op, kind, want string
		// config describes the object, with the timeouts line given.
		config func(s faultySandbox, timeouts string) string
	}{
		{"continuity_astra_snapshot", snapshotAddr, "astra.snapshot.create", "astra.snapshot", `last state "running"`,
			func(s faultySandbox, timeouts string) string {
				return fmt.Sprintf("resource \"continuity_astra_snapshot\" \"test\" {\n  app_id = %q\n  name = \"slow\"\n%s\n}\n",
					s.env[acctest.EnvAstraWordpressID], timeouts)
			}},
		{"continuity_astra_app", appAddr, "astra.app.manage", "astra.app", `last state "discovering"`,
			func(s faultySandbox, timeouts string) string {
				return fmt.Sprintf("resource \"continuity_astra_app\" \"test\" {\n  name = \"slow\"\n  cluster_id = %q\n"+
					"  namespace_scoped_resources = [{ namespace = \"ledger\" }]\n%s\n}\n", s.env[acctest.EnvAstraClusterEastID], timeouts)
			}},
		{"continuity_astra_backup", backupAddr, "astra.backup.create", "astra.backup", `last state "running"`,
			func(s faultySandbox, timeouts string) string {
				return bucketConfig("slow") + fmt.Sprintf("resource \"continuity_astra_backup\" \"test\" {\n  app_id = %q\n  name = \"slow\"\n"+
					"  bucket_id = continuity_astra_bucket.test.id\n%s\n}\n", s.env[acctest.EnvAstraPostgresID], timeouts)
			}},
		{"continuity_astra_bucket", bucketAddr, "astra.bucket.create", "astra.bucket", `last state "pending"`,
			func(_ faultySandbox, timeouts string) string {
				return credentialConfig("slow", "s3cr3t", 1) + "resource \"continuity_astra_bucket\" \"test\" {\n  name = \"slow\"\n" +
					"  object_store = \"generic-s3\"\n  credential_id = continuity_astra_cloud_credential.test.id\n  bucket_name = \"slow\"\n" +
					"  server_url = \"s3.example.com\"\n" + timeouts + "\n}\n"
			}},
	} {
		t.Run(tc.typeName, func(t *testing.T) {
			s := startFaultySandbox(t, "stall="+tc.op)
			var first string
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheckAstra(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{
						Config:      s.provider + tc.config(s, `  timeouts = { create = "1s", delete = "20s" }`),
						ExpectError: regexp.MustCompile(words(`Timeout while waiting for`, tc.typeName, `(the timeout of 1s passed)`, tc.want, `terraform untaint`)),
					},
					{
						PreConfig: func() {
							held := s.objects(t, tc.kind)
							if len(held) != 1 {
								t.Fatalf("after the timeout the sandbox holds %v, want one object", held)
							}
							first = held[0]
							s.setFaults(t, "")
						},
						Config: s.provider + tc.config(s, ""),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(tc.addr, plancheck.ResourceActionReplace),
						}},
						Check: resource.ComposeAggregateTestCheckFunc(
							func(st *terraform.State) error {
								if st.RootModule().Resources[tc.addr].Primary.ID == first {
									return fmt.Errorf("the tainted object %s was not replaced", first)
								}
								return nil
							},
							s.holdsExactly(t, tc.typeName, tc.kind),
						),
					},
				},
			})
		})
	}
}

// A backup that fails (fail=) ends the wait with the API's explanation; it
// is tainted and the next apply replaces it.
func TestAccBackup_failed(t *testing.T) {
	s := startFaultySandbox(t, "fail=astra.backup.create")
	config := s.provider + fmt.Sprintf("resource \"continuity_astra_backup\" \"test\" {\n  app_id = %q\n  name = \"failing\"\n  bucket_id = continuity_astra_bucket.test.id\n}\n",
		s.env[acctest.EnvAstraPostgresID]) + bucketConfig("failing")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             s.holdsNone(t, "astra.backup", "astra.bucket"),
		Steps: []resource.TestStep{
			{
				Config:      config,
				ExpectError: regexp.MustCompile(words(`Error waiting for continuity_astra_backup`, `failed: state "failed"`, `astra.backup.create`)),
			},
			{
				PreConfig: func() { s.setFaults(t, "") },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(backupAddr, plancheck.ResourceActionReplace),
				}},
				Check: s.holdsExactly(t, "continuity_astra_backup", "astra.backup"),
			},
		},
	})
}

// An apply interrupted while it waits: the create and the in-place restore
// of an app end with a warning and the planned state, untainted; a delete
// with an error, the app staying. Run again, each resumes without a second
// request.
func TestAccApp_interruptedOperationsResume(t *testing.T) {
	s := startFaultySandbox(t, "stall=astra.app.manage")
	client := acctest.AstraClientFrom(t, s.env)
	r := astra.NewAppResourceWith(client)
	var sch fwresource.SchemaResponse
	r.Schema(context.Background(), fwresource.SchemaRequest{}, &sch)
	typ := sch.Schema.Type().TerraformType(context.Background()).(tftypes.Object)
	str := func(v string) tftypes.Value { return tftypes.NewValue(tftypes.String, v) }
	known := map[string]tftypes.Value{
		"name": str("interrupted"), "cluster_id": str(s.env[acctest.EnvAstraClusterEastID]), "state": str("ready"),
		"namespace_scoped_resources": tftypes.NewValue(typ.AttributeTypes["namespace_scoped_resources"], []tftypes.Value{
			tftypes.NewValue(typ.AttributeTypes["namespace_scoped_resources"].(tftypes.List).ElementType, map[string]tftypes.Value{
				"namespace": str("ledger"), "label_selectors": tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, nil)}),
		}),
	}
	plan := func(set map[string]tftypes.Value) tfsdk.Plan {
		vals := map[string]tftypes.Value{}
		for name, at := range typ.AttributeTypes {
			switch v, ok := set[name]; {
			case ok:
				vals[name] = v
			case name == "timeouts" || name == "in_place_restore" || name == "restore_filter" || name == "cluster_scoped_resources":
				vals[name] = tftypes.NewValue(at, nil)
			default:
				vals[name] = tftypes.NewValue(at, tftypes.UnknownValue)
			}
		}
		return tfsdk.Plan{Schema: sch.Schema, Raw: tftypes.NewValue(typ, vals)}
	}
	appGets := "GET /accounts/{account_id}/k8s/v2/apps/{app_id}"
	interrupt := func(n int64) context.Context { return interruptAfter(t, s, appGets, n) }
	attr := func(st tfsdk.State, name string) string {
		var v string
		st.GetAttribute(context.Background(), path.Root(name), &v)
		return v
	}

	// Create, interrupted while discovering.
	p := plan(known)
	created := fwresource.CreateResponse{State: tfsdk.State{Schema: sch.Schema, Raw: tftypes.NewValue(typ, nil)}}
	r.Create(interrupt(1), fwresource.CreateRequest{Plan: p, Config: tfsdk.Config{Schema: sch.Schema, Raw: p.Raw}}, &created)
	wantInterrupted(t, created.Diagnostics, "Interrupted while waiting for continuity_astra_app", false)
	id := attr(created.State, "id")
	if got := attr(created.State, "state"); got != "ready" || id == "" {
		t.Fatalf("after the interrupted create: id %q, state %q (want the planned ready)", id, got)
	}

	// The update resumes the discovery; no second POST.
	s.setFaults(t, "")
	again := fwresource.UpdateResponse{State: created.State}
	r.Update(context.Background(), fwresource.UpdateRequest{Plan: tfsdk.Plan{Schema: sch.Schema, Raw: created.State.Raw}, State: created.State,
		Config: tfsdk.Config{Schema: sch.Schema, Raw: created.State.Raw}}, &again)
	if again.Diagnostics.HasError() || attr(again.State, "state") != "ready" {
		t.Fatalf("the resumed create: %v, state %q", again.Diagnostics, attr(again.State, "state"))
	}
	if n := s.requests(t, "POST /accounts/{account_id}/k8s/v2/apps"); n != 1 {
		t.Errorf("%d POSTs, want 1", n)
	}

	// Delete, interrupted while unmanaging; run again, it waits until gone.
	s.setFaults(t, "stall=astra.app.unmanage")
	deleted := fwresource.DeleteResponse{State: again.State}
	r.Delete(interrupt(1), fwresource.DeleteRequest{State: again.State}, &deleted)
	wantInterrupted(t, deleted.Diagnostics, "Interrupted while waiting for the unmanaging of continuity_astra_app", true)
	if held := s.objects(t, "astra.app"); len(held) != 1 {
		t.Fatalf("after the interrupted delete the sandbox holds %v", held)
	}
	s.setFaults(t, "")
	deleted = fwresource.DeleteResponse{State: again.State}
	r.Delete(context.Background(), fwresource.DeleteRequest{State: again.State}, &deleted)
	if deleted.Diagnostics.HasError() {
		t.Fatalf("the resumed delete: %v", deleted.Diagnostics)
	}
	if held := s.objects(t, "astra.app"); len(held) != 0 {
		t.Errorf("after the resumed delete the sandbox holds %v", held)
	}
}
