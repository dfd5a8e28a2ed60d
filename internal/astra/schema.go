package astra

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// computedString is a computed string attribute of a data source.
func computedString(desc string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
}

// nestedList is a computed list of objects with computed string attributes.
func nestedList(desc string, attrs map[string]string) schema.ListNestedAttribute {
	nested := make(map[string]schema.Attribute, len(attrs))
	for name, d := range attrs {
		nested[name] = computedString(d)
	}
	return schema.ListNestedAttribute{Computed: true, MarkdownDescription: desc, NestedObject: schema.NestedAttributeObject{Attributes: nested}}
}

// timeoutsNote documents a resource's default timeouts, for the end of its
// description.
func timeoutsNote(create, update, del time.Duration) string {
	return fmt.Sprintf("\n\n**Timeouts** (`timeouts = { create, update, delete }`) default to %s, %s and %s; each bounds the "+
		"whole operation, retries and waits included.", durationText(create), durationText(update), durationText(del))
}

// durationText renders d as a timeouts value ("60m", "5m").
func durationText(d time.Duration) string {
	if d%time.Hour == 0 && d >= 2*time.Hour {
		return fmt.Sprintf("`%dh`", d/time.Hour)
	}
	return fmt.Sprintf("`%dm`", d/time.Minute)
}
