package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
	"gopkg.in/yaml.v3"
)

// fixturesDocument is the -fixtures file: each backend's section, and
// whether they replace the default fixtures or extend them.
type fixturesDocument struct {
	Mode     string                     `json:"mode"`
	Sections map[string]json.RawMessage `json:"-"`
}

// backendNames are the section names of the backends, in newBackends'
// order.
var backendNames = []string{"astra", "sdrs", "manila"}

// parseFixtures reads a -fixtures document, YAML or JSON (JSON is YAML).
func parseFixtures(data []byte) (fixturesDocument, error) {
	var generic map[string]any
	if err := yaml.Unmarshal(data, &generic); err != nil {
		return fixturesDocument{}, fmt.Errorf("not YAML or JSON: %w", err)
	}
	doc := fixturesDocument{Mode: "extend", Sections: map[string]json.RawMessage{}}
	for key, value := range generic {
		switch {
		case key == "mode":
			mode, _ := value.(string)
			if mode != "extend" && mode != "replace" {
				return doc, fmt.Errorf("mode %v: want extend (add to the default fixtures, the default) or replace", value)
			}
			doc.Mode = mode
		case key == "$schema":
		case slices.Contains(backendNames, key):
			raw, err := json.Marshal(normalize(value))
			if err != nil {
				return doc, fmt.Errorf("%s: %w", key, err)
			}
			doc.Sections[key] = raw
		default:
			return doc, fmt.Errorf("unknown section %q: want mode, %s", key, strings.Join(backendNames, ", "))
		}
	}
	return doc, nil
}

// normalize turns YAML's map[string]any/[]any tree into one encoding/json
// takes (yaml.v3 already decodes mappings with string keys as
// map[string]any; nested ones may be map[any]any in older documents).
func normalize(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			t[k] = normalize(e)
		}
		return t
	case map[any]any:
		m := map[string]any{}
		for k, e := range t {
			m[fmt.Sprint(k)] = normalize(e)
		}
		return m
	case []any:
		for i, e := range t {
			t[i] = normalize(e)
		}
		return t
	}
	return v
}

// applyFixtures gives each backend its section of the file at path.
func applyFixtures(path string, named map[string]backend.Backend) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	doc, err := parseFixtures(data)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, name := range backendNames {
		f, ok := named[name].(backend.Fixtured)
		section, given := doc.Sections[name]
		switch {
		case !given && doc.Mode == "extend":
			continue
		case !ok:
			if given {
				return fmt.Errorf("%s: the %s emulator takes no fixtures", path, name)
			}
			continue
		case !given:
			section = json.RawMessage(`{}`)
		}
		if err := f.Fixtures(section, doc.Mode == "replace"); err != nil {
			return fmt.Errorf("%s: %s: %w", path, name, err)
		}
	}
	return nil
}

// FixturesSchema returns the JSON Schema of -fixtures documents: mode and
// each emulator's section.
func FixturesSchema() ([]byte, error) {
	properties := map[string]any{
		"$schema": map[string]any{"type": "string"},
		"mode": map[string]any{"enum": []string{"extend", "replace"}, "default": "extend",
			"description": "extend adds these fixtures to the defaults; replace drops the defaults of each kind a section gives (clusters, apps, namespaces, vpcs, servers, volumes, share_types, share_group_types, share_networks, availability_zones) and keeps the others."},
	}
	for i, b := range newBackends(Options{}, backend.Hooks{}) {
		if f, ok := b.(backend.Fixtured); ok {
			properties[backendNames[i]] = f.FixtureSchema()
		}
	}
	schema := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  "https://github.com/continuity-dr/terraform-provider-continuity/sandbox-fixtures.schema.json",
		"title":                "continuity sandbox fixtures",
		"description":          "The -fixtures file of the continuity sandbox (YAML or JSON): the clusters, apps, namespaces, servers, disks, share types and networks a user's modules expect.",
		"type":                 "object",
		"additionalProperties": false,
		"properties":           properties,
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(schema); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
