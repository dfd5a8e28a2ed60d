package astra

import (
	"net/http"
	"slices"
)

// listPackages serves GET …/core/v1/packages: filter, then orderBy, then
// limit, then include.
func (a *API) listPackages(w http.ResponseWriter, r *http.Request) *problem {
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	by, p := parseOrderBy(r.URL.RawQuery, packageFields)
	if p != nil {
		return p
	}
	if p := checkQueryFields(q, packageFields); p != nil {
		return p
	}
	all, p := listItems(a.packages.All(), func(pkg *astraPackage) any { return pkg })
	if p != nil {
		return p
	}
	items := slices.DeleteFunc(all, func(item listItem) bool { return !matchAll(item.view, q.filters) })
	sortItems(items, by)
	q.filters = nil // already applied, before the sort
	return writeList(w, packagesType, packageVersion, items, q)
}

// getPackage serves GET …/core/v1/packages/{id}; unknown: 404 problem 2.
func (a *API) getPackage(w http.ResponseWriter, r *http.Request) *problem {
	pkg, ok := a.packages.Get(r.PathValue("package_id"))
	if !ok {
		return newProblem(2)
	}
	return writeResource(w, r, http.StatusOK, packageType, pkg)
}

// packagesReadOnly answers POST and DELETE on packages: 403 problem 11
// (whose detail is fixed by the spec). The sandbox's packages are fixtures
// shared by every client: they can be listed and read, not uploaded or
// deleted.
func (a *API) packagesReadOnly(_ http.ResponseWriter, _ *http.Request) *problem {
	return newProblem(11)
}
