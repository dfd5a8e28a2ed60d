package astra

import (
	"net/url"
	"testing"
)

// TestOpenAPIConformancePackages drives the package routes through a real
// HTTP server and validates each request and response against the spec.
func TestOpenAPIConformancePackages(t *testing.T) {
	base, router := newConformanceServer(t, New(Options{}))
	pkg := PackageID("acc", "23.10.1", "patch")
	q := func(s string) string { return url.QueryEscape(s) }
	cases := []conformanceCase{
		// Packages.
		{name: "packages list", method: "GET", path: fixed(packagesURL), status: 200, reqValid: true},
		{name: "packages list, all four parameters", method: "GET", status: 200, reqValid: true,
			path: fixed(packagesURL + "?include=id,packageName,packageVersion,packageType&orderBy=packageVersion%20desc&limit=3&filter=" + q("packageName eq 'acc'"))},
		{name: "packages list, nested filter, orderBy", method: "GET", status: 200, reqValid: true,
			path: fixed(packagesURL + "?orderBy=packageName&filter=" + q("images[*].imageTag gte '24.02.0',packageState in 'avail'"))},
		// The spec's own example of include names softwareType, a field that
		// package_1.0_get_response_body does not have (astra.md §4.2). The
		// schema wins: the sandbox refuses the unknown field.
		{name: "packages include of the spec's example", method: "GET", status: 400, problem: 5, reqValid: true,
			path: fixed(packagesURL + "?include=id,packageName,packageVersion,softwareType")},
		{name: "packages filter on an unknown field", method: "GET", status: 400, problem: 5, reqValid: true, path: fixed(packagesURL + "?filter=" + q("softwareType eq 'acc'"))},
		{name: "packages orderBy asc", method: "GET", status: 400, problem: 5, path: fixed(packagesURL + "?orderBy=packageVersion%20asc")},
		{name: "packages orderBy of an object", method: "GET", status: 400, problem: 5, reqValid: true, path: fixed(packagesURL + "?orderBy=metadata")},
		{name: "packages limit 0", method: "GET", status: 400, problem: 5, path: fixed(packagesURL + "?limit=0")},
		// kin-openapi ignores undeclared query parameters.
		{name: "packages skip", method: "GET", status: 400, problem: 6, reqValid: true, path: fixed(packagesURL + "?skip=2")},
		{name: "packages no token", method: "GET", status: 401, problem: 3, noAuth: true, path: fixed(packagesURL)},
		{name: "package", method: "GET", status: 200, reqValid: true, path: fixed(packagesURL + "/" + pkg)},
		{name: "package unknown", method: "GET", status: 404, problem: 2, reqValid: true, path: fixed(packagesURL + "/" + unknownID)},
		{name: "package POST", method: "POST", status: 403, problem: 11, reqValid: true, path: fixed(packagesURL),
			body: `{"type":"application/astra-package","version":"1.0","packageName":"acc","packageVersion":"24.06.0","packageType":"install","severityLevel":"recommended"}`},
		{name: "package DELETE", method: "DELETE", status: 403, problem: 11, reqValid: true, path: fixed(packagesURL + "/" + pkg)},
	}
	for _, tc := range cases {
		checkConformance(t, router, base, tc)
	}
}
