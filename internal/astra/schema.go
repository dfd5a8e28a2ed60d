package astra

import "github.com/hashicorp/terraform-plugin-framework/datasource/schema"

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
