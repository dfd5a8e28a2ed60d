package manila_test

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

func TestNegotiate(t *testing.T) {
	cases := []struct {
		min, max string
		want     string
		err      string
	}{
		{"2.0", "2.22", "2.22", ""},
		{"2.0", "2.6", "2.6", ""},
		{"2.0", "2.4", "2.4", ""},
		{"2.0", "2.30", "2.30", ""},
		{"2.0", "2.31", "2.31", ""},
		{"2.0", "2.99", "2.99", ""},
		{"2.0", "2.120", "2.99", ""},
		{"2.0", "2.3", "2.3", ""},
		{"3.0", "3.2", "", "above 2.99, the newest this provider knows"},
		{"2.10", "2.8", "", "inconsistent"},
		{"x", "2.22", "", "min_version"},
		{"2.0", "latest", "", "is not a microversion"},
	}
	for _, tc := range cases {
		v, err := manila.Negotiate(tc.min, tc.max)
		switch {
		case tc.err == "" && (err != nil || v.String() != tc.want):
			t.Errorf("Negotiate(%s, %s) = %v, %v; want %s", tc.min, tc.max, v, err, tc.want)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("Negotiate(%s, %s) error %v; want %q", tc.min, tc.max, err, tc.err)
		}
	}
	// A modern server's refusal of consistency groups wraps
	// ErrNoConsistencyGroups; that of an old server does not.
	if err := manila.ConsistencyGroupRefusal(manila.Version{2, 40}); !errors.Is(err, manila.ErrNoConsistencyGroups) ||
		!manila.IsVersionError(err) || !strings.Contains(err.Error(), "use continuity_manila_share_group") {
		t.Errorf("a modern server's refusal: %v", err)
	}
	if err := manila.ConsistencyGroupRefusal(manila.Version{2, 3}); errors.Is(err, manila.ErrNoConsistencyGroups) ||
		!strings.Contains(err.Error(), "upgrade Manila to Liberty") {
		t.Errorf("an old server's refusal: %v", err)
	}
}

func TestActionNames(t *testing.T) {
	if got := manila.ActionName(manila.Version{2, 6}, "force_delete"); got != "os-force_delete" {
		t.Errorf("2.6: %s", got)
	}
	if got := manila.ActionName(manila.Version{2, 7}, "reset_status"); got != "reset_status" {
		t.Errorf("2.7: %s", got)
	}
}

// sandboxClients starts a sandbox with opts and returns clients of its
// ordinary user and of its admin.
func sandboxClients(t *testing.T, opts sandbox.Options) (user, admin *manila.Client) {
	t.Helper()
	env := acctest.StartSandbox(t, opts)
	s := acctest.ManilaSettingsFrom(env)
	a := s
	a.UserName, a.Password, a.ProjectName = env[acctest.EnvManilaAdminUsername], env[acctest.EnvManilaAdminPassword], env[acctest.EnvManilaAdminProjectName]
	return acctest.NewManilaClient(t, s), acctest.NewManilaClient(t, a)
}

// Against a Liberty server (2.6 at most) the admin actions carry their os-
// names, and the whole cycle works.
func TestClientAgainstALibertyServer(t *testing.T) {
	user, admin := sandboxClients(t, sandbox.Options{ManilaMaxVersion: "2.6"})
	ctx := context.Background()
	v, err := user.Microversion(ctx)
	if err != nil || v.String() != "2.6" {
		t.Fatalf("microversion %v %v", v, err)
	}
	types, err := user.ListShareTypes(ctx)
	if err != nil || len(types) != 4 || !types[0].IsPublic {
		t.Fatalf("share types at 2.6 (os-share-type-access:is_public): %+v %v", types, err)
	}
	cg, err := user.CreateConsistencyGroup(ctx, manila.ConsistencyGroupCreate{Name: conv.Ptr("liberty"), ShareTypes: []string{types[1].ID}})
	if err != nil || cg.Status != "creating" {
		t.Fatalf("create %+v %v", cg, err)
	}
	if err := admin.ResetConsistencyGroupStatus(ctx, cg.ID, "error"); err != nil {
		t.Fatal(err)
	}
	got, err := user.GetConsistencyGroup(ctx, cg.ID)
	if err != nil || got.Status != "error" {
		t.Fatalf("after reset_status %+v %v", got, err)
	}
	if err := admin.ForceDeleteConsistencyGroup(ctx, cg.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := user.GetConsistencyGroup(ctx, cg.ID); !apierr.IsNotFound(err) {
		t.Fatalf("after force delete: %v", err)
	}
	// The action on a group that is gone is a not-found too.
	if err := admin.ForceDeleteConsistencyGroup(ctx, cg.ID); !apierr.IsNotFound(err) {
		t.Fatalf("second force delete: %v", err)
	}
	// The ordinary user may not force-delete: 403 in Manila's fault form.
	err = user.ForceDeleteConsistencyGroup(ctx, cg.ID)
	var e *apierr.Error
	if !errors.As(err, &e) || e.StatusCode != http.StatusForbidden || e.Code != "forbidden" || e.Message != "Access was denied to this resource." {
		t.Fatalf("user force delete: %v", err)
	}
}

func TestClientAgainstAServerBelow24(t *testing.T) {
	user, _ := sandboxClients(t, sandbox.Options{ManilaMaxVersion: "2.3"})
	_, err := user.ListConsistencyGroups(context.Background())
	if err == nil || !strings.Contains(err.Error(), "need a microversion from 2.4 to 2.30, and this Manila server's maximum microversion is 2.3") {
		t.Fatalf("err = %v", err)
	}
}

// A server that claims an old maximum but has no consistency-group routes
// (a proxy, a patched server): the unrouted 404 is explained, and a read
// does not mistake it for a deleted group.
func TestClientAgainstAServerWithoutTheRoutes(t *testing.T) {
	user, _ := sandboxClients(t, sandbox.Options{ManilaModern: true, ManilaMaxVersion: "2.22"})
	_, err := user.GetConsistencyGroup(context.Background(), "6f519a48-3183-46cf-a32f-41815f813986")
	if apierr.IsNotFound(err) {
		t.Fatalf("an unrouted path read as a missing group: %v", err)
	}
	if err == nil || !strings.Contains(apierr.Detail(err), "replaced by share groups in microversion 2.31") {
		t.Fatalf("err = %v", err)
	}
}

// A revoked token is replaced by reauthentication, through the same HTTP
// client.
func TestClientReauthenticates(t *testing.T) {
	user, admin := sandboxClients(t, sandbox.Options{})
	ctx := context.Background()
	if _, err := user.ListConsistencyGroups(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.ListShareTypes(ctx); err != nil {
		t.Fatal(err)
	}
	revokeToken(t, user, admin)
}

// revokeToken revokes user's token with admin's, and checks that user's
// next call reauthenticates.
func revokeToken(t *testing.T, user, admin *manila.Client) {
	t.Helper()
	ctx := context.Background()
	old := user.Token()
	req, _ := http.NewRequestWithContext(ctx, http.MethodDelete, user.IdentityEndpoint()+"/auth/tokens", nil)
	req.Header.Set("X-Auth-Token", admin.Token())
	req.Header.Set("X-Subject-Token", old)
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != http.StatusNoContent {
		t.Fatalf("revoking: %v %v", res, err)
	}
	_ = res.Body.Close()
	if _, err := user.ListConsistencyGroups(ctx); err != nil {
		t.Fatalf("after revocation: %v", err)
	}
	if user.Token() == old {
		t.Error("the token was not renewed")
	}
}

// Keystone's refusal reaches the user with what to check.
func TestAccManila_wrongPasswordIsExplained(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "continuity" {
  manila {
    password = "not-the-password"
  }
}
data "continuity_manila_share_type" "x" {
  name = "gold"
}
`,
			ExpectError: regexp.MustCompile(`(?s)OpenStack\s+Keystone\s+API\s+POST\s+/v3/auth/tokens:\s+HTTP\s+401\s+\(Unauthorized\):\s+The\s+request\s+you\s+have\s+made\s+requires\s+authentication.*OS_PASSWORD`),
		}},
	})
}

// Against a Manila of Ocata or later, where consistency groups are gone,
// the provider says what replaced them. The server is a second sandbox
// started for this test; the provider block points at it.
func TestAccManila_modernServer(t *testing.T) {
	acctest.PreCheckManila(t)
	env := acctest.StartSandbox(t, sandbox.Options{ManilaModern: true})
	provider := acctest.ManilaProviderConfig(acctest.ManilaSettingsFrom(env))
	want := regexp.MustCompile(`(?s)maximum\s+microversion\s+is\s+2\.99.*replaced\s+by\s+share\s+groups\s+in\s+microversion\s+2\.31`)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      provider + `data "continuity_manila_consistency_groups" "all" {}`,
				ExpectError: want,
			},
			{
				Config:      provider + goldCG(acctest.RandomName("tf-acc-cg-modern"), false),
				ExpectError: want,
			},
		},
	})
}

// Keystone's token requests are safe to repeat: under 5xx and lost
// connections on POST /v3/auth/tokens, every client authenticates, and the
// reauthentication after a revoked token (a 401) works the same way.
func TestClientAuthenticatesUnderTokenFaults(t *testing.T) {
	for _, spec := range []string{"5xx=0.5,route=POST /v3/auth/tokens", "reset=0.2,reset_after=0.2,route=POST /v3/auth/tokens"} {
		t.Run(spec, func(t *testing.T) {
			t.Parallel()
			env := acctest.StartSandbox(t, sandbox.Options{Faults: spec})
			ctx := context.Background()
			admin := acctest.ManilaSettingsFrom(env)
			admin.UserName, admin.Password, admin.ProjectName = env[acctest.EnvManilaAdminUsername], env[acctest.EnvManilaAdminPassword], env[acctest.EnvManilaAdminProjectName]
			revoker := acctest.NewManilaClient(t, admin)
			if _, err := revoker.ListShareTypes(ctx); err != nil {
				t.Fatal(err)
			}
			for i := range 4 {
				user := acctest.NewManilaClient(t, acctest.ManilaSettingsFrom(env))
				if _, err := user.ListConsistencyGroups(ctx); err != nil {
					t.Fatalf("client %d: %v", i, err)
				}
				revokeToken(t, user, revoker)
			}
			m := acctest.SandboxMetrics(t, sandboxBase(env))
			if n := m.Faults["5xx"] + m.Faults["reset"] + m.Faults["reset_after"]; n < 2 {
				t.Fatalf("only %d faults on the token requests: %v", n, m.Faults)
			}
		})
	}
}
