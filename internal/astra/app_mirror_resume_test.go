package astra_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/astra"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The AppMirror under interruptions, timeouts and failures: a transition
// under way is resumed in place, never replaced and never requested again.

// boundedDelete bounds the deletions of the tests that stall operations:
// a test that fails while a stall holds a relationship then fails its
// destroy in seconds instead of waiting for the default 30 minutes.
const boundedDelete = `  timeouts = { delete = "20s" }`

// Routes of the sandbox's metrics.
const (
	mirrorPostRoute = "POST /accounts/{account_id}/k8s/v1/appMirrors"
	mirrorGetRoute  = "GET /accounts/{account_id}/k8s/v1/appMirrors/{appMirror_id}"
	mirrorPutRoute  = "PUT /accounts/{account_id}/k8s/v1/appMirrors/{appMirror_id}"
)

// mirrorTest runs steps against the sandbox s, in parallel, and checks
// after the destroy that s holds no relationship.
func mirrorTest(t *testing.T, s faultySandbox, steps []resource.TestStep) {
	t.Helper()
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             s.holdsNone(t, "astra.app_mirror"),
		Steps:                    steps,
	})
}

// captureID stores the resource's ID in *id.
func captureID(id *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		*id = s.RootModule().Resources[mirrorAddr].Primary.ID
		return nil
	}
}

// sameID checks that the resource's ID is *id.
func sameID(id *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if got := s.RootModule().Resources[mirrorAddr].Primary.ID; got != *id {
			return fmt.Errorf("id = %s, want %s: the relationship was replaced", got, *id)
		}
		return nil
	}
}

// A relationship brought under Terraform while it is establishing (held
// there by a stall) plans an in-place update that waits; the apply, once
// the stall is lifted, converges on the same relationship without a second
// request.
func TestAccAppMirror_resumeEstablishmentInPlace(t *testing.T) {
	s := startFaultySandbox(t, "")
	client := acctest.AstraClientFrom(t, s.env)
	wordpress, west := s.env[acctest.EnvAstraWordpressID], s.env[acctest.EnvAstraClusterWestID]
	// No timeouts here: the imported state has none, and they would make
	// the plan an update by themselves.
	config := s.provider + mirrorConfig(wordpress, west)
	var id string
	mirrorTest(t, s, []resource.TestStep{
		{
			PreConfig: func() {
				s.setFaults(t, "stall=astra.app_mirror.establish")
				m, err := client.CreateAppMirror(context.Background(), astra.AppMirrorInput{SourceAppID: wordpress, DestinationClusterID: west})
				if err != nil {
					t.Fatal(err)
				}
				id = m.ID
			},
			Config:             config,
			ResourceName:       mirrorAddr,
			ImportState:        true,
			ImportStatePersist: true,
			ImportStateIdFunc:  func(*terraform.State) (string, error) { return id, nil },
			ImportStateCheck: func(states []*terraform.InstanceState) error {
				if len(states) != 1 || states[0].Attributes["state"] != astra.MirrorEstablishing {
					return fmt.Errorf("imported %v, want one relationship establishing", states)
				}
				return nil
			},
		},
		{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				// Every plan check runs; this one lifts the stall for the apply.
				setFaultsCheck{s: s, t: t, spec: ""},
				plancheck.ExpectResourceAction(mirrorAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("state"), knownvalue.StringExact(astra.MirrorEstablished)),
				plancheck.ExpectUnknownValue(mirrorAddr, tfjsonpath.New("health_state")),
			}},
			ConfigStateChecks: stateIs(astra.MirrorEstablished, astra.MirrorEstablished, false),
			Check: resource.ComposeAggregateTestCheckFunc(
				sameID(&id),
				s.holdsExactly(t, "continuity_astra_app_mirror", "astra.app_mirror"),
				func(*terraform.State) error {
					if n := s.requests(t, mirrorPostRoute); n != 1 {
						return fmt.Errorf("%d POSTs, want only the one that made the relationship", n)
					}
					return nil
				},
			),
		},
		{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
	})
}

// A failover already under way (an apply interrupted after its PUT, or one
// made in the Astra UI) is waited for, not requested again.
func TestAccAppMirror_resumeFailoverWithoutRequestingItAgain(t *testing.T) {
	s := startFaultySandbox(t, "")
	client := acctest.AstraClientFrom(t, s.env)
	wordpress, west := s.env[acctest.EnvAstraWordpressID], s.env[acctest.EnvAstraClusterWestID]
	var id string
	mirrorTest(t, s, []resource.TestStep{
		{
			Config: s.provider + mirrorConfig(wordpress, west, boundedDelete),
			Check:  captureID(&id),
		},
		{
			PreConfig: func() {
				s.setFaults(t, "stall=astra.app_mirror.failover")
				if err := client.UpdateAppMirror(context.Background(), id, astra.FailoverUpdate()); err != nil {
					t.Fatal(err)
				}
			},
			Config: s.provider + mirrorConfig(wordpress, west, `  state_desired = "failedOver"`, boundedDelete),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				setFaultsCheck{s: s, t: t, spec: ""},
				plancheck.ExpectResourceAction(mirrorAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("state"), knownvalue.StringExact(astra.MirrorFailedOver)),
			}},
			ConfigStateChecks: stateIs(astra.MirrorFailedOver, astra.MirrorFailedOver, false),
			Check: resource.ComposeAggregateTestCheckFunc(
				sameID(&id),
				func(*terraform.State) error {
					if n := s.requests(t, mirrorPutRoute); n != 1 {
						return fmt.Errorf("%d PUTs, want only the failover sent through the API", n)
					}
					return nil
				},
			),
		},
	})
}

// A create that passes its timeout fails naming the timeout, the operation
// and the last state, and says how to keep the relationship; it is in the
// state, tainted, and the next apply replaces it: one relationship.
func TestAccAppMirror_createTimeoutLeavesTaintedRelationship(t *testing.T) {
	s := startFaultySandbox(t, "stall=astra.app_mirror.establish")
	wordpress, west := s.env[acctest.EnvAstraWordpressID], s.env[acctest.EnvAstraClusterWestID]
	var first []string
	mirrorTest(t, s, []resource.TestStep{
		{
			Config: s.provider + mirrorConfig(wordpress, west, `  timeouts = { create = "1s", delete = "20s" }`),
			ExpectError: regexp.MustCompile(words(`Timeout while waiting for the establishment of continuity_astra_app_mirror`,
				`(the timeout of 1s passed): last state "establishing"`, `terraform untaint`)),
		},
		{
			PreConfig: func() {
				first = s.objects(t, "astra.app_mirror")
				if len(first) != 1 {
					t.Fatalf("after the timeout the sandbox holds %v, want one relationship", first)
				}
				s.setFaults(t, "")
			},
			Config: s.provider + mirrorConfig(wordpress, west),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(mirrorAddr, plancheck.ResourceActionReplace),
			}},
			ConfigStateChecks: stateIs(astra.MirrorEstablished, astra.MirrorEstablished, false),
			Check: resource.ComposeAggregateTestCheckFunc(
				s.holdsExactly(t, "continuity_astra_app_mirror", "astra.app_mirror"),
				func(st *terraform.State) error {
					if st.RootModule().Resources[mirrorAddr].Primary.ID == first[0] {
						return fmt.Errorf("the tainted relationship %s was not replaced", first[0])
					}
					return nil
				},
			),
		},
	})
}

// A transition that Astra Control reports failed (health critical) ends
// the wait with the API's explanation; the failed relationship is tainted
// and the next apply replaces it.
func TestAccAppMirror_failedEstablishment(t *testing.T) {
	s := startFaultySandbox(t, "fail=astra.app_mirror.establish")
	wordpress, west := s.env[acctest.EnvAstraWordpressID], s.env[acctest.EnvAstraClusterWestID]
	mirrorTest(t, s, []resource.TestStep{
		{
			Config: s.provider + mirrorConfig(wordpress, west),
			ExpectError: regexp.MustCompile(words(`Error waiting for the establishment of continuity_astra_app_mirror`,
				`failed: state "failed (health critical)"`, `AppMirror operation failed`, `astra.app_mirror.establish`)),
		},
		{
			PreConfig: func() { s.setFaults(t, "") },
			Config:    s.provider + mirrorConfig(wordpress, west),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(mirrorAddr, plancheck.ResourceActionReplace),
			}},
			ConfigStateChecks: stateIs(astra.MirrorEstablished, astra.MirrorEstablished, false),
			Check:             s.holdsExactly(t, "continuity_astra_app_mirror", "astra.app_mirror"),
		},
	})
}

// A relationship found deleting (a destroy was interrupted, or it is
// deleted in the Astra UI) stays in the state; the plan replaces it, and
// the apply waits for the deletion before it creates the new one.
func TestAccAppMirror_deletingIsWaitedForThenReplaced(t *testing.T) {
	s := startFaultySandbox(t, "")
	client := acctest.AstraClientFrom(t, s.env)
	wordpress, west := s.env[acctest.EnvAstraWordpressID], s.env[acctest.EnvAstraClusterWestID]
	config := s.provider + mirrorConfig(wordpress, west, boundedDelete)
	var id string
	mirrorTest(t, s, []resource.TestStep{
		{
			Config: config,
			Check:  captureID(&id),
		},
		{
			PreConfig: func() {
				s.setFaults(t, "stall=astra.app_mirror.delete")
				if err := client.DeleteAppMirror(context.Background(), id); err != nil {
					t.Fatal(err)
				}
			},
			RefreshState:       true,
			ExpectNonEmptyPlan: true, // the replacement
			Check:              resource.TestCheckResourceAttr(mirrorAddr, "state", astra.MirrorDeleting),
		},
		{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				setFaultsCheck{s: s, t: t, spec: ""},
				plancheck.ExpectResourceAction(mirrorAddr, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			ConfigStateChecks: stateIs(astra.MirrorEstablished, astra.MirrorEstablished, false),
			Check: resource.ComposeAggregateTestCheckFunc(
				s.holdsExactly(t, "continuity_astra_app_mirror", "astra.app_mirror"),
				func(st *terraform.State) error {
					if st.RootModule().Resources[mirrorAddr].Primary.ID == id {
						return fmt.Errorf("the deleted relationship %s is still in the state", id)
					}
					return nil
				},
			),
		},
	})
}

// mirrorResource drives continuity_astra_app_mirror without Terraform, to
// interrupt its operations at chosen moments (Terraform's Ctrl-C cancels
// the provider's context).
type mirrorResource struct {
	t      *testing.T
	s      faultySandbox
	r      fwresource.Resource
	schema fwresource.SchemaResponse
}

func newMirrorResource(t *testing.T, s faultySandbox) *mirrorResource {
	m := &mirrorResource{t: t, s: s, r: astra.NewAppMirrorResourceWith(acctest.AstraClientFrom(t, s.env))}
	m.r.Schema(context.Background(), fwresource.SchemaRequest{}, &m.schema)
	return m
}

// objectType is the schema's object type.
func (m *mirrorResource) objectType() tftypes.Object {
	return m.schema.Schema.Type().TerraformType(context.Background()).(tftypes.Object)
}

// plan returns a plan of the resource: the known values given, the
// timeouts null and every other attribute unknown.
func (m *mirrorResource) plan(known map[string]tftypes.Value) tftypes.Value {
	typ := m.objectType()
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		switch v, ok := known[name]; {
		case ok:
			vals[name] = v
		case name == "timeouts":
			vals[name] = tftypes.NewValue(at, nil)
		default:
			vals[name] = tftypes.NewValue(at, tftypes.UnknownValue)
		}
	}
	return tftypes.NewValue(typ, vals)
}

// interruptAfterGets returns a context that is cancelled once the sandbox
// has served n more reads of a relationship than now: the operation has
// sent its request and is waiting.
func (m *mirrorResource) interruptAfterGets(n int64) context.Context {
	return interruptAfter(m.t, m.s, mirrorGetRoute, n)
}

// attr returns a string attribute of a state.
func (m *mirrorResource) attr(st tfsdk.State, name string) string {
	raw := map[string]tftypes.Value{}
	if err := st.Raw.As(&raw); err != nil {
		m.t.Fatal(err)
	}
	v := raw[name]
	var s string
	if v.IsKnown() && !v.IsNull() {
		if err := v.As(&s); err != nil {
			m.t.Fatal(err)
		}
	}
	return s
}

// wantInterrupted checks that diags is only a warning (create, update) or
// an error (delete) whose summary starts with summary, and that nothing in
// it speaks of a timeout.
func wantInterrupted(t *testing.T, diags diag.Diagnostics, summary string, asError bool) {
	t.Helper()
	if len(diags) != 1 || diags.HasError() != asError || !strings.HasPrefix(diags[0].Summary(), summary) {
		t.Fatalf("diagnostics %v, want one %s %q", diags, map[bool]string{true: "error", false: "warning"}[asError], summary)
	}
	if text := strings.ToLower(diags[0].Summary() + diags[0].Detail()); strings.Contains(text, "timeout") || !strings.Contains(text, "interrupted") {
		t.Errorf("the diagnostic must say interrupted, never timeout: %s: %s", diags[0].Summary(), diags[0].Detail())
	}
}

// An apply interrupted while it waits: a create or an update ends with a
// warning, and the state keeps what the plan said (Terraform holds a result
// without error to the plan) with the new relationship's ID, untainted; a
// delete ends with an error and the relationship stays. The operation run
// again resumes the transition.
func TestAccAppMirror_interruptedOperationsResume(t *testing.T) {
	s := startFaultySandbox(t, "stall=astra.app_mirror.establish")
	m := newMirrorResource(t, s)
	wordpress, west := s.env[acctest.EnvAstraWordpressID], s.env[acctest.EnvAstraClusterWestID]
	str := func(v string) tftypes.Value { return tftypes.NewValue(tftypes.String, v) }
	planned := map[string]tftypes.Value{
		"source_app_id": str(wordpress), "destination_cluster_id": str(west), "state_desired": str(astra.MirrorEstablished),
		"reversed": tftypes.NewValue(tftypes.Bool, false), "state": str(astra.MirrorEstablished),
	}

	// Create, interrupted while establishing.
	plan := tfsdk.Plan{Schema: m.schema.Schema, Raw: m.plan(planned)}
	created := fwresource.CreateResponse{State: tfsdk.State{Schema: m.schema.Schema, Raw: tftypes.NewValue(m.objectType(), nil)}}
	m.r.Create(m.interruptAfterGets(1), fwresource.CreateRequest{Plan: plan, Config: tfsdk.Config{Schema: m.schema.Schema, Raw: plan.Raw}}, &created)
	wantInterrupted(t, created.Diagnostics, "Interrupted while waiting for the establishment of continuity_astra_app_mirror", false)
	id := m.attr(created.State, "id")
	if held := s.objects(t, "astra.app_mirror"); len(held) != 1 || held[0] != id {
		t.Fatalf("the sandbox holds %v, the state %q", held, id)
	}
	if got := m.attr(created.State, "state"); got != astra.MirrorEstablished {
		t.Errorf("state %q after the interrupted create, want the planned %q", got, astra.MirrorEstablished)
	}

	// Update (the plan resumes the establishment, then fails over),
	// interrupted while failing over.
	s.setFaults(t, "stall=astra.app_mirror.failover")
	planned["state_desired"], planned["state"], planned["id"] = str(astra.MirrorFailedOver), str(astra.MirrorFailedOver), str(id)
	plan = tfsdk.Plan{Schema: m.schema.Schema, Raw: m.plan(planned)}
	updated := fwresource.UpdateResponse{State: created.State}
	m.r.Update(m.interruptAfterGets(2), fwresource.UpdateRequest{Plan: plan, State: created.State, Config: tfsdk.Config{Schema: m.schema.Schema, Raw: plan.Raw}}, &updated)
	wantInterrupted(t, updated.Diagnostics, "Interrupted while waiting after failing over continuity_astra_app_mirror", false)
	if got := m.attr(updated.State, "state"); got != astra.MirrorFailedOver {
		t.Errorf("state %q after the interrupted update, want the planned %q", got, astra.MirrorFailedOver)
	}
	puts := s.requests(t, mirrorPutRoute)

	// The update run again waits for the failover under way: no PUT.
	s.setFaults(t, "")
	again := fwresource.UpdateResponse{State: updated.State}
	m.r.Update(context.Background(), fwresource.UpdateRequest{Plan: plan, State: updated.State, Config: tfsdk.Config{Schema: m.schema.Schema, Raw: plan.Raw}}, &again)
	if again.Diagnostics.HasError() || m.attr(again.State, "state") != astra.MirrorFailedOver {
		t.Fatalf("the resumed update: %v, state %q", again.Diagnostics, m.attr(again.State, "state"))
	}
	if n := s.requests(t, mirrorPutRoute); n != puts {
		t.Errorf("the resumed update sent %d PUT(s)", n-puts)
	}

	// Delete, interrupted while deleting; run again, it waits until gone.
	s.setFaults(t, "stall=astra.app_mirror.delete")
	deleted := fwresource.DeleteResponse{State: again.State}
	m.r.Delete(m.interruptAfterGets(1), fwresource.DeleteRequest{State: again.State}, &deleted)
	wantInterrupted(t, deleted.Diagnostics, "Interrupted while waiting for the deletion of continuity_astra_app_mirror", true)
	if held := s.objects(t, "astra.app_mirror"); len(held) != 1 {
		t.Fatalf("after the interrupted delete the sandbox holds %v", held)
	}
	s.setFaults(t, "")
	deleted = fwresource.DeleteResponse{State: again.State}
	m.r.Delete(context.Background(), fwresource.DeleteRequest{State: again.State}, &deleted)
	if deleted.Diagnostics.HasError() {
		t.Fatalf("the resumed delete: %v", deleted.Diagnostics)
	}
	if held := s.objects(t, "astra.app_mirror"); len(held) != 0 {
		t.Errorf("after the resumed delete the sandbox holds %v", held)
	}
}

// metricsRequests reads the requests of route from the sandbox's metrics,
// reporting failure instead of failing a test.
func metricsRequests(s faultySandbox, route string) (int64, bool) {
	var m acctest.Metrics
	if err := getJSON(s.env["ASTRA_ENDPOINT"]+"/_sandbox/metrics", &m); err != nil {
		return 0, false
	}
	return m.Routes[route].Requests, true
}
