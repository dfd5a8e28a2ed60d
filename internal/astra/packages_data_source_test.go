package astra_test

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// listAttr returns the values of field in every element of the list
// attribute list of addr (flatmap state: list.#, list.N.field).
func listAttr(s *terraform.State, addr, list, field string) ([]string, error) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok {
		return nil, fmt.Errorf("%s not in state", addr)
	}
	a := rs.Primary.Attributes
	n, err := strconv.Atoi(a[list+".#"])
	if err != nil {
		return nil, fmt.Errorf("%s.%s.# = %q", addr, list, a[list+".#"])
	}
	out := make([]string, n)
	for i := range out {
		key := fmt.Sprintf("%s.%d", list, i)
		if field != "" {
			key += "." + field
		}
		out[i] = a[key]
	}
	return out, nil
}

// checkList applies check to the field values of a list attribute.
func checkList(addr, list, field string, check func(values []string) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		values, err := listAttr(s, addr, list, field)
		if err != nil {
			return err
		}
		if err := check(values); err != nil {
			return fmt.Errorf("%s %s[*].%s = %v: %w", addr, list, field, values, err)
		}
		return nil
	}
}

// all returns a check that every value satisfies ok, with at least min values.
func all(minCount int, ok func(string) bool) func([]string) error {
	return func(values []string) error {
		if len(values) < minCount {
			return fmt.Errorf("want at least %d values", minCount)
		}
		for _, v := range values {
			if !ok(v) {
				return fmt.Errorf("%q does not match", v)
			}
		}
		return nil
	}
}

func TestAccPackagesDataSource_query(t *testing.T) {
	const all0, trident, desc, limited, projected, combined = "data.continuity_astra_packages.all", "data.continuity_astra_packages.trident",
		"data.continuity_astra_packages.desc", "data.continuity_astra_packages.limited", "data.continuity_astra_packages.projected",
		"data.continuity_astra_packages.combined"
	var total int
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
data "continuity_astra_packages" "all" {}

data "continuity_astra_packages" "trident" {
  filter = "packageName eq 'trident'"
}

data "continuity_astra_packages" "desc" {
  order_by = "packageVersion desc"
}

data "continuity_astra_packages" "limited" {
  limit = 2
}

data "continuity_astra_packages" "projected" {
  include = ["packageVersion", "id", "upgradableVersions"]
}

# All four at once: the two newest available acc packages, as rows.
data "continuity_astra_packages" "combined" {
  filter   = "packageName eq 'acc',packageState eq 'available'"
  order_by = "packageVersion desc"
  include  = ["packageName", "packageVersion", "packageState"]
  limit    = 2
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(all0, tfjsonpath.New("rows"), knownvalue.Null()),
				statecheck.ExpectKnownValue(projected, tfjsonpath.New("packages"), knownvalue.Null()),
				statecheck.ExpectKnownValue(limited, tfjsonpath.New("packages"), knownvalue.ListSizeExact(2)),
				// The first row is [version, id, upgradableVersions as JSON].
				statecheck.CompareValuePairs(projected, tfjsonpath.New("rows").AtSliceIndex(0).AtSliceIndex(1),
					all0, tfjsonpath.New("packages").AtSliceIndex(0).AtMapKey("id"), compare.ValuesSame()),
				statecheck.CompareValuePairs(projected, tfjsonpath.New("rows").AtSliceIndex(0).AtSliceIndex(0),
					all0, tfjsonpath.New("packages").AtSliceIndex(0).AtMapKey("package_version"), compare.ValuesSame()),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				checkList(all0, "packages", "id", func(v []string) error {
					total = len(v)
					if total < 2 {
						return fmt.Errorf("too few packages to test with")
					}
					return nil
				}),
				// filter really filters: only trident, and not everything.
				checkList(trident, "packages", "package_name", all(1, func(v string) bool { return v == "trident" })),
				checkList(trident, "packages", "id", func(v []string) error {
					if len(v) >= total {
						return fmt.Errorf("the filter kept all %d packages", total)
					}
					return nil
				}),
				// order really orders.
				checkList(desc, "packages", "package_version", func(v []string) error {
					if !slices.IsSortedFunc(v, func(a, b string) int { return strings.Compare(b, a) }) || len(v) != total {
						return fmt.Errorf("not all packages in descending order")
					}
					return nil
				}),
				// include really projects: three cells per row, in order.
				checkList(projected, "rows", "#", all(2, func(v string) bool { return v == "3" })),
				checkList(projected, "rows", "2", all(2, func(v string) bool { return strings.HasPrefix(v, "{") && strings.Contains(v, "Version") })),
				checkList(combined, "rows", "0", func(v []string) error {
					if len(v) != 2 {
						return fmt.Errorf("limit 2 not applied")
					}
					return all(2, func(s string) bool { return s == "acc" })(v)
				}),
				checkList(combined, "rows", "2", all(2, func(s string) bool { return s == "available" })),
				checkList(combined, "rows", "1", func(v []string) error {
					if len(v) == 2 && v[0] < v[1] {
						return fmt.Errorf("rows not in descending version order")
					}
					return nil
				}),
			),
		}},
	})
}

// TestAccPackagesDataSource_sandboxFixtures checks exact answers against the
// sandbox's fixed packages.
func TestAccPackagesDataSource_sandboxFixtures(t *testing.T) {
	if !acctest.UseSandbox() {
		t.Skip("exact package lists are known only for the sandbox")
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
data "continuity_astra_packages" "patches" {
  filter   = "packageType eq 'patch',severityLevel eq 'critical'"
  order_by = "packageVersion"
  include  = ["packageName", "packageVersion", "packageState"]
}

data "continuity_astra_packages" "images" {
  filter = "images[*].imageName eq 'trident-operator',packageVersion gte '24.02.0'"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.continuity_astra_packages.patches", tfjsonpath.New("rows"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("acc"), knownvalue.StringExact("23.10.1"), knownvalue.StringExact("available")}),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("trident"), knownvalue.StringExact("24.02.1"), knownvalue.StringExact("incomplete")}),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("acc"), knownvalue.StringExact("24.02.1"), knownvalue.StringExact("verifying")}),
				})),
				statecheck.ExpectKnownValue("data.continuity_astra_packages.images", tfjsonpath.New("packages"), knownvalue.ListSizeExact(2)),
				statecheck.ExpectKnownValue("data.continuity_astra_packages.images", tfjsonpath.New("packages").AtSliceIndex(0).AtMapKey("state_details"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue("data.continuity_astra_packages.images", tfjsonpath.New("packages").AtSliceIndex(1).AtMapKey("package_state"), knownvalue.StringExact("incomplete")),
				statecheck.ExpectKnownValue("data.continuity_astra_packages.images", tfjsonpath.New("packages").AtSliceIndex(1).AtMapKey("state_details").AtSliceIndex(0).AtMapKey("title"),
					knownvalue.StringExact("Package images missing")),
			},
		}},
	})
}

func TestAccPackagesDataSource_errors(t *testing.T) {
	cases := map[string]struct {
		config string
		want   string
	}{
		"filter syntax":       {`filter = "packageName = 'acc'"`, words(`Attribute filter must be one or more comma-separated conditions`)},
		"filter unquoted":     {`filter = "packageName eq acc"`, words(`Attribute filter must be one or more`)},
		"order by asc":        {`order_by = "packageVersion asc"`, words(`Attribute order_by must be one field name of the API, optionally followed by " desc"`)},
		"order by two fields": {`order_by = "packageName,packageVersion"`, words(`Attribute order_by must be one field name`)},
		"include nested":      {`include = ["metadata.labels"]`, words(`Attribute include[0] must be a top-level field name`)},
		"include empty":       {`include = []`, words(`Attribute include list must contain at least 1 elements`)},
		"limit 0":             {`limit = 0`, words(`Attribute limit value must be at least 1`)},
		// Field names are the API's to check: it answers 400 problem 5.
		"unknown field": {`filter = "softwareType eq 'acc'"`, words(`Error listing packages for continuity_astra_packages`, `HTTP 400 (problem 5: Invalid query parameters)`, `filter:`, `softwareType`)},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheckAstra(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      "data \"continuity_astra_packages\" \"x\" {\n" + tc.config + "\n}\n",
					ExpectError: regexp.MustCompile(tc.want),
				}},
			})
		})
	}
}

func TestAccPackageDataSource_byID(t *testing.T) {
	const one, list = "data.continuity_astra_package.one", "data.continuity_astra_packages.trident"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			// The errors first: the harness destroys with the last step's configuration.
			{
				Config:      `data "continuity_astra_package" "one" { id = "2d6154dd-6863-4a26-8017-6be092b8b0bd" }`,
				ExpectError: regexp.MustCompile(words(`Error reading continuity_astra_package`, `HTTP 404 (problem 2`)),
			},
			{
				Config:      `data "continuity_astra_package" "one" { id = "acc-24.02.0" }`,
				ExpectError: regexp.MustCompile(words(`Attribute id must be an Astra ID`)),
			},
			{
				Config: `
data "continuity_astra_packages" "trident" {
  filter = "packageName eq 'trident'"
  limit  = 1
}

data "continuity_astra_package" "one" {
  id = data.continuity_astra_packages.trident.packages[0].id
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(one, tfjsonpath.New("package_name"), knownvalue.StringExact("trident")),
					statecheck.CompareValuePairs(one, tfjsonpath.New("package_version"), list, tfjsonpath.New("packages").AtSliceIndex(0).AtMapKey("package_version"), compare.ValuesSame()),
					statecheck.CompareValuePairs(one, tfjsonpath.New("images"), list, tfjsonpath.New("packages").AtSliceIndex(0).AtMapKey("images"), compare.ValuesSame()),
					statecheck.CompareValuePairs(one, tfjsonpath.New("dependencies"), list, tfjsonpath.New("packages").AtSliceIndex(0).AtMapKey("dependencies"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(one, tfjsonpath.New("images").AtSliceIndex(0).AtMapKey("digest"), knownvalue.StringRegexp(regexp.MustCompile(`^sha256:[0-9a-f]{64}$`))),
				},
			},
		},
	})
}
