package astra

import (
	"net/http"
	"net/url"
	"slices"
	"testing"
)

// pkgList lists packages with the given raw query (without "?").
func pkgList(t *testing.T, ta *testAPI, query string) response {
	t.Helper()
	path := packagesURL
	if query != "" {
		path += "?" + query
	}
	return ta.get(t, path)
}

// versionsOf renders each item as name@version:type.
func versionsOf(t *testing.T, res response) []string {
	t.Helper()
	var out []string
	for _, item := range itemsOf(t, res) {
		m := item.(map[string]any)
		out = append(out, m["packageName"].(string)+"@"+m["packageVersion"].(string)+":"+m["packageType"].(string))
	}
	return out
}

func TestListPackages(t *testing.T) {
	ta := newTestAPI(t)
	res := pkgList(t, ta, "")
	if res.body["type"] != "application/astra-packages" || res.body["version"] != "1.0" {
		t.Errorf("envelope: %s", res.raw)
	}
	if got := len(itemsOf(t, res)); got != len(packageSpecs) {
		t.Fatalf("%d items, want %d", got, len(packageSpecs))
	}
	first := itemsOf(t, res)[0].(map[string]any)
	for _, key := range []string{"type", "version", "id", "packageName", "packageVersion", "packageType", "severityLevel",
		"packageState", "packageStateTransitions", "packageStateDetails", "metadata"} {
		if _, ok := first[key]; !ok {
			t.Errorf("required field %s missing from %v", key, first)
		}
	}
	one := ta.get(t, packagesURL+"/"+first["id"].(string))
	if one.code != http.StatusOK || one.body["packageVersion"] != first["packageVersion"] {
		t.Errorf("GET one: %d %s", one.code, one.raw)
	}
	mustProblem(t, ta.get(t, packagesURL+"/"+unknownID), 404, 2)
}

func TestListPackagesFilter(t *testing.T) {
	ta := newTestAPI(t)
	q := func(filter string) []string {
		return versionsOf(t, pkgList(t, ta, "filter="+url.QueryEscape(filter)))
	}
	cases := []struct {
		filter string
		want   []string
	}{
		{"packageName eq 'trident'", []string{"trident@23.10.0:install", "trident@24.02.0:install", "trident@24.02.1:patch"}},
		{"packageVersion lt '23.10.0'", []string{"acc@23.07.0:install"}},
		{"packageVersion lte '23.10.0'", []string{"acc@23.07.0:install", "trident@23.10.0:install", "acc@23.10.0:install", "acs@23.10.0:install"}},
		{"packageVersion gt '24.02.0'", []string{"trident@24.02.1:patch", "acc@24.02.1:patch"}},
		{"packageVersion gte '24.02.0',packageType eq 'install'", []string{"trident@24.02.0:install", "acc@24.02.0:install"}},
		{"packageState in 'ail'", []string{"acc@23.07.0:install", "trident@23.10.0:install", "acc@23.10.0:install", "acs@23.10.0:install", "acc@23.10.1:patch", "trident@24.02.0:install"}},
		{"images[*].imageName eq 'trident-operator'", []string{"trident@23.10.0:install", "trident@24.02.0:install", "trident@24.02.1:patch"}},
		{"upgradableVersions.minVersion eq '24.02.0'", []string{"acs@24.02.0:patch", "trident@24.02.1:patch", "acc@24.02.1:patch"}},
		{"metadata.creationTimestamp gte '2024-03-18T00:00:00Z'", []string{"trident@24.02.1:patch", "acc@24.02.1:patch"}},
		{"packageName eq 'nothing'", nil},
	}
	for _, c := range cases {
		if got := q(c.filter); !slices.Equal(got, c.want) {
			t.Errorf("filter %q:\n got %v\nwant %v", c.filter, got, c.want)
		}
	}
	// Repeated filters are ANDed.
	got := versionsOf(t, pkgList(t, ta, "filter="+url.QueryEscape("packageName eq 'acc'")+"&filter="+url.QueryEscape("severityLevel eq 'critical'")))
	if !slices.Equal(got, []string{"acc@23.10.1:patch", "acc@24.02.1:patch"}) {
		t.Errorf("repeated filters: %v", got)
	}
}

func TestListPackagesOrderLimitInclude(t *testing.T) {
	ta := newTestAPI(t)
	got := versionsOf(t, pkgList(t, ta, "orderBy=packageVersion"))
	want := []string{"acc@23.07.0:install", "trident@23.10.0:install", "acc@23.10.0:install", "acs@23.10.0:install",
		"acc@23.10.1:patch", "trident@24.02.0:install", "acc@24.02.0:install", "acs@24.02.0:patch", "trident@24.02.1:patch", "acc@24.02.1:patch"}
	if !slices.Equal(got, want) {
		t.Errorf("orderBy packageVersion (ties in creation order):\n got %v\nwant %v", got, want)
	}
	got = versionsOf(t, pkgList(t, ta, "orderBy=packageName%20desc&filter="+url.QueryEscape("packageType eq 'patch'")))
	if !slices.Equal(got, []string{"trident@24.02.1:patch", "acs@24.02.0:patch", "acc@23.10.1:patch", "acc@24.02.1:patch"}) {
		t.Errorf("orderBy packageName desc with a filter: %v", got)
	}
	// limit applies after the filter and the sort.
	got = versionsOf(t, pkgList(t, ta, "orderBy=packageVersion+desc&limit=3&filter="+url.QueryEscape("packageName in 'ac'")))
	if !slices.Equal(got, []string{"acc@24.02.1:patch", "acc@24.02.0:install", "acs@24.02.0:patch"}) {
		t.Errorf("orderBy desc + limit 3: %v", got)
	}

	// include: each item becomes the array of the named fields, in order
	// (the spec's example: id, packageName, packageVersion, packageType).
	res := pkgList(t, ta, "include=id,packageName,packageVersion,packageType&filter="+url.QueryEscape("packageName eq 'acc'")+"&limit=2")
	rows := itemsOf(t, res)
	if len(rows) != 2 {
		t.Fatalf("rows = %v", rows)
	}
	row := rows[1].([]any)
	if len(row) != 4 || row[0] != PackageID("acc", "23.10.0", "install") || row[1] != "acc" || row[2] != "23.10.0" || row[3] != "install" {
		t.Errorf("row = %v", row)
	}
	res = pkgList(t, ta, "include=packageVersion,upgradableVersions&orderBy=packageVersion&limit=1")
	row = itemsOf(t, res)[0].([]any)
	if uv, ok := row[1].(map[string]any); row[0] != "23.07.0" || !ok || uv["minVersion"] != "23.07.0" {
		t.Errorf("include of an object field: %v", row)
	}
}

func TestListPackagesQueryErrors(t *testing.T) {
	ta := newTestAPI(t)
	cases := []struct {
		query   string
		problem int
		param   string
	}{
		{"orderBy=packageVersion%20asc", 5, "orderBy"},
		{"orderBy=packageName,packageVersion", 5, "orderBy"},
		{"orderBy=nothing", 5, "orderBy"},
		{"orderBy=images", 5, "orderBy"},
		{"orderBy=id&orderBy=packageName", 5, "orderBy"},
		{"include=nothing", 5, "include"},
		{"include=id,", 5, "include"},
		{"limit=0", 5, "limit"},
		{"limit=-1", 5, "limit"},
		{"filter=" + url.QueryEscape("nothing eq 'x'"), 5, "filter"},
		{"filter=" + url.QueryEscape("images.imageName eq 'x'"), 5, "filter"},
		{"filter=" + url.QueryEscape("packageName[*] eq 'x'"), 5, "filter"},
		{"filter=" + url.QueryEscape("metadata eq 'x'"), 5, "filter"},
		{"filter=" + url.QueryEscape("packageName ne 'acc'"), 5, "filter"},
		{"filter=" + url.QueryEscape("packageName eq acc"), 5, "filter"},
		{"skip=1", 6, "skip"},
		{"count=true", 6, "count"},
		{"continue=eyJ9", 6, "continue"},
	}
	for _, c := range cases {
		res := pkgList(t, ta, c.query)
		mustProblem(t, res, 400, c.problem)
		if names := invalidNames(t, res, "invalidParams"); len(names) != 1 || names[0] != c.param {
			t.Errorf("%s: invalidParams = %v, want %s", c.query, names, c.param)
		}
	}
}

func TestPackagesAreReadOnly(t *testing.T) {
	ta := newTestAPI(t)
	body := `{"type":"application/astra-package","version":"1.0","packageName":"acc","packageVersion":"24.06.0","packageType":"install","severityLevel":"recommended"}`
	mustProblem(t, ta.send(t, http.MethodPost, packagesURL, "application/astra-package+json", body), 403, 11)
	id := PackageID("acc", "23.07.0", "install")
	mustProblem(t, ta.do(t, request{method: http.MethodDelete, path: packagesURL + "/" + id}), 403, 11)
	mustProblem(t, ta.do(t, request{method: http.MethodPut, path: packagesURL + "/" + id, body: body}), 405, 69)
	if res := ta.get(t, packagesURL+"/"+id); res.code != http.StatusOK {
		t.Errorf("package gone after a refused DELETE: %d", res.code)
	}
}
