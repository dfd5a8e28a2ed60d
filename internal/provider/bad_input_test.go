package provider_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// badInput is one invalid configuration that must be refused at validate or
// plan time, with a diagnostic that names attr, before any API call that
// changes something. The table is one test (TestAccBadInput); a new
// resource or data source adds its rows to its backend's slice
// (<backend>BadInputs in bad_input_<backend>_test.go).
type badInput struct {
	name string
	// config is the resources and data sources; the provider block is added.
	config string
	// attr is the attribute the diagnostic must name: as "Attribute attr"
	// in the framework's messages, or as the config line "attr =" that
	// Terraform quotes under the diagnostic.
	attr string
	// want, when set, is a regular expression the error must match too.
	want string
}

// badInputs are the rows of every backend, by backend.
var badInputs = map[string][]badInput{"astra": astraBadInputs, "sdrs": sdrsBadInputs, "manila": manilaBadInputs}

// Placeholder IDs of the right form, for attributes whose value is not the
// point of a row.
const (
	uuidA = "6f519a48-3183-46cf-a32f-41815f813986"
	uuidB = "2d6154dd-6863-4a26-8017-6be092b8b0bd"
)

func TestAccBadInput(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	provider := acctest.ProviderBlock(env)
	if n := len(badInputs["astra"]) + len(badInputs["sdrs"]) + len(badInputs["manila"]); n < 60 {
		t.Fatalf("the bad-input table has %d rows; keep at least 60", n)
	}
	for _, backend := range []string{"astra", "sdrs", "manila"} {
		t.Run(backend, func(t *testing.T) {
			t.Parallel()
			var steps []resource.TestStep
			for _, row := range badInputs[backend] {
				steps = append(steps, resource.TestStep{
					Config:      provider + row.config,
					PlanOnly:    true,
					ExpectError: namesAttribute(row),
				})
			}
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps:                    steps,
			})
		})
	}
	// A test's cleanups run once its parallel subtests are done (and a
	// subtest that -run filters out never starts).
	t.Cleanup(func() {
		if m := acctest.SandboxMetrics(t, env["ASTRA_ENDPOINT"]).Mutations(); len(m) > 0 {
			t.Errorf("the refused configurations made mutating API calls: %v", m)
		}
	})
}

// namesAttribute is the error a row expects: the attribute named as the
// framework names it ("Attribute name ..."), as Terraform quotes the
// configuration line ("name = ..."), or in a list of attributes
// ("[source,content]"); and row.want when set.
func namesAttribute(row badInput) *regexp.Regexp {
	a := regexp.QuoteMeta(row.attr)
	named := fmt.Sprintf(`(Attribute %s\b|\b%s\s+=|\b%s\[|"%s"|[\[,]%s[,\]]|\b%s (is|must|does)\b)`, a, a, a, a, a, a)
	if row.want == "" {
		return regexp.MustCompile(`(?s)` + named)
	}
	return regexp.MustCompile(fmt.Sprintf(`(?s)(%s.*%s|%s.*%s)`, named, row.want, row.want, named))
}

// long returns a string of n copies of c.
func long(c string, n int) string { return strings.Repeat(c, n) }

// mutationGuard checks that the steps after a set-up step make no mutating
// call: Record is the set-up step's check, Unchanged the last step's. Rows
// that refuse an impossible change of an existing object (a failover and a
// reverse in one step, a shrink) use it in TestAccBadChange_<backend>.
type mutationGuard struct {
	t     *testing.T
	base  string
	after map[string]int64
}

func newMutationGuard(t *testing.T, env map[string]string) *mutationGuard {
	return &mutationGuard{t: t, base: env["ASTRA_ENDPOINT"]}
}

// Record remembers the mutating calls made so far.
func (g *mutationGuard) Record(*terraform.State) error {
	g.after = acctest.SandboxMetrics(g.t, g.base).Mutations()
	return nil
}

// Unchanged fails when a mutating call was made since Record.
func (g *mutationGuard) Unchanged(*terraform.State) error {
	now := acctest.SandboxMetrics(g.t, g.base).Mutations()
	for route, n := range now {
		if n != g.after[route] {
			return fmt.Errorf("the refused changes made %d mutating call(s) to %s", n-g.after[route], route)
		}
	}
	return nil
}
