package astra_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// Helpers of the tests that run against a sandbox of their own, with faults
// (the reliability tests: adoption, resuming, timeouts, the soak).

// faultySandbox is a sandbox of the test's own.
type faultySandbox struct {
	env      map[string]string
	provider string // a provider block pointing at it
}

// startFaultySandbox starts a sandbox of the test's own with the fault spec
// (often "", faults being set later with setFaults).
func startFaultySandbox(t *testing.T, faults string) faultySandbox {
	t.Helper()
	acctest.PreCheckAstra(t)
	env := acctest.StartSandbox(t, sandbox.Options{Faults: faults})
	return faultySandbox{env: env, provider: acctest.ProviderBlock(env)}
}

// postRoute is the fault spec's route of a POST (a create) to the Astra
// API, given its path below the account.
func (s faultySandbox) postRoute(path string) string {
	return "POST /accounts/" + s.env["ASTRA_ACCOUNT_ID"] + "/" + path
}

// setFaults replaces the sandbox's faults (POST /_sandbox/faults).
func (s faultySandbox) setFaults(t *testing.T, spec string) {
	t.Helper()
	res, err := http.Post(s.env["ASTRA_ENDPOINT"]+"/_sandbox/faults", "text/plain", strings.NewReader(spec))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("setting faults %q: HTTP %d", spec, res.StatusCode)
	}
}

// objects returns the IDs of the objects of kind ("astra.hook_source") the
// sandbox holds, fixtures left out, sorted.
func (s faultySandbox) objects(t *testing.T, kind string) []string {
	t.Helper()
	var ids []string
	for _, o := range acctest.SandboxObjects(t, s.env["ASTRA_ENDPOINT"])[kind] {
		ids = append(ids, o.ID)
	}
	slices.Sort(ids)
	return ids
}

// holdsExactly checks that the sandbox holds exactly the objects of kind
// that the state holds as resources of typeName: no duplicate made by a
// repeated create, no orphan left by a lost answer. The apps include the
// destination apps that the state's AppMirror relationships made.
func (s faultySandbox) holdsExactly(t *testing.T, typeName, kind string) resource.TestCheckFunc {
	return func(st *terraform.State) error {
		var want []string
		for _, rs := range st.RootModule().Resources {
			switch {
			case rs.Type == typeName:
				want = append(want, rs.Primary.ID)
			case kind == "astra.app" && rs.Type == "continuity_astra_app_mirror":
				want = append(want, rs.Primary.Attributes["destination_app_id"])
			}
		}
		slices.Sort(want)
		if got := s.objects(t, kind); !slices.Equal(got, want) {
			return fmt.Errorf("%s: the sandbox holds %d (%v), the state %d (%v)", kind, len(got), got, len(want), want)
		}
		return nil
	}
}

// holdsNone checks that the sandbox holds no object of the kinds.
func (s faultySandbox) holdsNone(t *testing.T, kinds ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, kind := range kinds {
			if got := s.objects(t, kind); len(got) > 0 {
				return fmt.Errorf("the sandbox still holds %d %s: %v", len(got), kind, got)
			}
		}
		return nil
	}
}

// faults returns the number of injected faults of kind so far.
func (s faultySandbox) faults(t *testing.T, kind string) int64 {
	t.Helper()
	return acctest.SandboxMetrics(t, s.env["ASTRA_ENDPOINT"]).Faults[kind]
}

// requests returns the number of requests the sandbox served on route
// (a pattern such as "PUT /accounts/{account_id}/k8s/v1/appMirrors/{appMirror_id}").
func (s faultySandbox) requests(t *testing.T, route string) int64 {
	t.Helper()
	return acctest.SandboxMetrics(t, s.env["ASTRA_ENDPOINT"]).Routes[route].Requests
}

// setFaultsCheck is a plan check that changes the sandbox's faults: placed
// after the checks of a plan made while an object was held mid-transition
// (stall=), it lifts the stall before the apply.
type setFaultsCheck struct {
	s    faultySandbox
	t    *testing.T
	spec string
}

var _ plancheck.PlanCheck = setFaultsCheck{}

func (c setFaultsCheck) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	res, err := http.Post(c.s.env["ASTRA_ENDPOINT"]+"/_sandbox/faults", "text/plain", strings.NewReader(c.spec))
	if err != nil {
		resp.Error = err
		return
	}
	_ = res.Body.Close()
	if res.StatusCode != http.StatusOK {
		resp.Error = fmt.Errorf("setting faults %q: HTTP %d", c.spec, res.StatusCode)
	}
}

// getJSON decodes the JSON answer of a GET of url into out.
func getJSON(url string, out any) error {
	res, err := http.Get(url)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: HTTP %d", url, res.StatusCode)
	}
	return json.NewDecoder(res.Body).Decode(out)
}
