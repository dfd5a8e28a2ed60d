package manila

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// byName is how a data source looks an object up by its name, which Manila
// does not require to be unique.
type byName[T any] struct {
	// kind and kinds name the object: "share network", "share networks".
	kind, kinds string
	// name and id read an object's name and ID.
	name, id func(*T) string
	// notFound follows "No <kind> of the project is named <name>." with
	// what to check.
	notFound string
	// ambiguous follows "<n> <kinds> are named <name> (<ids>);" with what
	// to do instead.
	ambiguous string
}

// one returns the only object of all named name, or adds an error on the
// name attribute when none or several are.
func (b byName[T]) one(all []T, name string, diags *diag.Diagnostics) (*T, bool) {
	var matched []*T
	for i := range all {
		if b.name(&all[i]) == name {
			matched = append(matched, &all[i])
		}
	}
	switch len(matched) {
	case 1:
		return matched[0], true
	case 0:
		diags.AddAttributeError(path.Root("name"), capitalize(b.kind)+" not found",
			fmt.Sprintf("No %s of the project is named %q. %s", b.kind, name, b.notFound))
	default:
		ids := make([]string, len(matched))
		for i, m := range matched {
			ids[i] = b.id(m)
		}
		diags.AddAttributeError(path.Root("name"), "Several "+b.kinds+" match",
			fmt.Sprintf("%d %s are named %q (%s); %s", len(matched), b.kinds, name, strings.Join(ids, ", "), b.ambiguous))
	}
	return nil, false
}

// capitalize upper-cases the first letter of an ASCII phrase.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
