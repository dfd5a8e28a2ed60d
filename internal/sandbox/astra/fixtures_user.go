package astra

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// userFixtures is the astra section of the sandbox's -fixtures document:
// the user's own clusters, the apps managed on them (or on the default
// clusters) and the namespaces no app manages yet.
type userFixtures struct {
	// A nil list is one the section does not give: with replace, only
	// the kinds given replace the defaults.
	Clusters   *[]userCluster `json:"clusters"`
	Apps       *[]userApp     `json:"apps"`
	Namespaces *[]string      `json:"namespaces"`
}

type userCluster struct {
	ID             string             `json:"id"`
	Name           string             `json:"name"`
	Type           string             `json:"type"`
	Version        string             `json:"version"`
	StorageClasses []userStorageClass `json:"storage_classes"`
}

type userStorageClass struct {
	Name        string `json:"name"`
	Default     bool   `json:"default"`
	Provisioner string `json:"provisioner"`
}

type userApp struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Cluster    string   `json:"cluster"`
	Namespaces []string `json:"namespaces"`
}

var _ backend.Fixtured = (*API)(nil)

// Fixtures adds the user's clusters, apps and unmanaged namespaces
// (backend.Fixtured). With replace each kind the section gives replaces
// the defaults of its kind (clusters take the default apps and namespaces
// with them); the kinds it does not give, and the packages, the preloaded
// hook source and NetApp's execution hook (Astra's, not the estate's),
// stay.
// IDs not given are derived from the names, as the defaults' are, so they
// are the same on every start.
func (a *API) Fixtures(section json.RawMessage, replace bool) error {
	var f userFixtures
	if err := backend.DecodeFixtures(section, &f); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if replace && f.Clusters != nil {
		// The default apps and namespaces go with their clusters.
		a.clusters.Replace(nil)
		a.apps.Replace(nil)
		a.unmanaged = nil
	}
	if replace && f.Apps != nil {
		a.apps.Replace(nil)
	}
	if replace && f.Namespaces != nil {
		a.unmanaged = nil
	}
	for i, uc := range backend.Given(f.Clusters) {
		if uc.Name == "" {
			return fmt.Errorf("clusters[%d]: name is required", i)
		}
		if _, taken := a.clusters.Find(func(c *cluster) bool { return c.name == uc.Name }); taken {
			return fmt.Errorf("cluster %q: the name is taken", uc.Name)
		}
		c := newCluster(uc.Name)
		if uc.ID != "" {
			c.id = uc.ID
		}
		if _, taken := a.clusters.Get(c.id); taken {
			return fmt.Errorf("cluster %q: the ID %s is taken", uc.Name, c.id)
		}
		if uc.Type != "" {
			c.clusterType = uc.Type
		}
		if uc.Version != "" {
			c.version = uc.Version
		}
		if len(uc.StorageClasses) > 0 {
			c.storageClasses, c.defaultSC = nil, ""
			for j, us := range uc.StorageClasses {
				if us.Name == "" {
					return fmt.Errorf("cluster %q: storage_classes[%d]: name is required", uc.Name, j)
				}
				if slices.ContainsFunc(c.storageClasses, func(s *storageClass) bool { return s.name == us.Name }) {
					return fmt.Errorf("cluster %q: storage class %q is given twice", uc.Name, us.Name)
				}
				sc := &storageClass{id: fixtureID("storageClass/" + uc.Name + "/" + us.Name), name: us.Name,
					provisioner: us.Provisioner, isDefault: us.Default}
				if sc.provisioner == "" {
					sc.provisioner = "csi.trident.netapp.io"
				}
				if us.Default {
					if c.defaultSC != "" {
						return fmt.Errorf("cluster %q: more than one default storage class", uc.Name)
					}
					c.defaultSC = sc.id
				}
				c.storageClasses = append(c.storageClasses, sc)
			}
			if c.defaultSC == "" {
				c.storageClasses[0].isDefault, c.defaultSC = true, c.storageClasses[0].id
			}
		}
		a.clusters.Add(c)
	}
	for i, ua := range backend.Given(f.Apps) {
		if ua.Name == "" || ua.Cluster == "" {
			return fmt.Errorf("apps[%d]: name and cluster are required", i)
		}
		c, ok := a.clusters.Find(func(c *cluster) bool { return c.name == ua.Cluster })
		if !ok {
			return fmt.Errorf("app %q: no cluster %q", ua.Name, ua.Cluster)
		}
		// Unique among the fixture apps, as CONTINUITY_SANDBOX_ASTRA_APP_<NAME>_ID
		// names each one, and within the cluster.
		if _, taken := a.apps.Find(func(x *app) bool { return x.fixtureName == ua.Name || (x.name == ua.Name && x.clusterID == c.id) }); taken {
			return fmt.Errorf("app %q: the name is taken", ua.Name)
		}
		id := ua.ID
		if id == "" {
			id = fixtureID("app/" + ua.Cluster + "/" + ua.Name)
		}
		if _, taken := a.apps.Get(id); taken {
			return fmt.Errorf("app %q: the ID %s is taken", ua.Name, id)
		}
		namespaces := ua.Namespaces
		if len(namespaces) == 0 {
			namespaces = []string{ua.Name}
		}
		x := &app{id: id, name: ua.Name, version: appVersion, clusterID: c.id,
			state: appReady, protection: "none", replicable: true, fixtureName: ua.Name,
			record: record{createdAt: fixtureTime, modifiedAt: fixtureTime, createdBy: UserID}}
		for _, ns := range namespaces {
			if a.apps.Any(func(o *app) bool { return o.clusterID == c.id && slices.Contains(o.namespaces(), ns) }) {
				return fmt.Errorf("app %q: namespace %q of cluster %q is another app's", ua.Name, ns, ua.Cluster)
			}
			x.resources = append(x.resources, namespaceResource{Namespace: ns})
			x.containers = append(x.containers, namespaceContainers(ns, nil)...)
		}
		a.apps.Add(x)
		a.addNamespaces(c.id, namespaces)
	}
	for _, cn := range backend.Given(f.Namespaces) {
		clusterName, ns, ok := strings.Cut(cn, "/")
		if !ok || ns == "" {
			return fmt.Errorf("namespace %q: want cluster/namespace", cn)
		}
		c, found := a.clusters.Find(func(c *cluster) bool { return c.name == clusterName })
		if !found {
			return fmt.Errorf("namespace %q: no cluster %q", cn, clusterName)
		}
		if slices.Contains(a.unmanaged, cn) {
			return fmt.Errorf("namespace %q is given twice", cn)
		}
		if a.apps.Any(func(o *app) bool { return o.clusterID == c.id && slices.Contains(o.namespaces(), ns) }) {
			return fmt.Errorf("namespace %q is an app's", cn)
		}
		a.addNamespaces(c.id, []string{ns})
		a.unmanaged = append(a.unmanaged, cn)
	}
	return nil
}

// FixtureSchema is the JSON Schema of the astra section (backend.Fixtured).
func (a *API) FixtureSchema() json.RawMessage { return json.RawMessage(fixtureSchema) }

const fixtureSchema = `{
  "type": "object",
  "description": "Astra Control: your clusters, the apps managed on them and the namespaces free to manage. Without ids, ids are derived from the names (the same on every start).",
  "additionalProperties": false,
  "properties": {
    "clusters": {
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["name"],
        "properties": {
          "id": {"type": "string", "format": "uuid"},
          "name": {"type": "string", "description": "Unique; exported as CONTINUITY_SANDBOX_ASTRA_CLUSTER_<NAME>_ID (a leading cluster- dropped)."},
          "type": {"type": "string", "default": "kubernetes", "examples": ["kubernetes", "openshift"]},
          "version": {"type": "string", "default": "v1.29.4"},
          "storage_classes": {
            "type": "array",
            "description": "Default: ontap-gold (default) and ontap-silver.",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": ["name"],
              "properties": {
                "name": {"type": "string"},
                "default": {"type": "boolean", "description": "At most one; the first class when none is."},
                "provisioner": {"type": "string", "default": "csi.trident.netapp.io"}
              }
            }
          }
        }
      }
    },
    "apps": {
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["name", "cluster"],
        "properties": {
          "id": {"type": "string", "format": "uuid"},
          "name": {"type": "string", "description": "Unique among the apps of the fixtures; exported as CONTINUITY_SANDBOX_ASTRA_APP_<NAME>_ID."},
          "cluster": {"type": "string", "description": "The name of a cluster: yours or, with mode extend, cluster-east or cluster-west."},
          "namespaces": {"type": "array", "items": {"type": "string"}, "description": "Default: the app's name."}
        }
      }
    },
    "namespaces": {
      "type": "array",
      "description": "Namespaces no app manages, free for continuity_astra_app, as cluster/namespace; exported in CONTINUITY_SANDBOX_ASTRA_UNMANAGED_NAMESPACES.",
      "items": {"type": "string", "pattern": "^[^/]+/[a-z0-9]([-a-z0-9]*[a-z0-9])?$"}
    }
  }
}`

// fixtureEnv returns the variables of the clusters and fixture apps held:
// CONTINUITY_SANDBOX_ASTRA_CLUSTER_<NAME>_ID (cluster-east is EAST) and
// CONTINUITY_SANDBOX_ASTRA_APP_<NAME>_ID, which for the defaults are the
// variables DESIGN.md names.
func (a *API) fixtureEnv() []backend.EnvVar {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []backend.EnvVar
	for _, c := range a.clusters.Rows() {
		out = append(out, backend.EnvVar{Name: "CONTINUITY_SANDBOX_ASTRA_CLUSTER_" + backend.EnvName(strings.TrimPrefix(c.name, "cluster-")) + "_ID", Value: c.id})
	}
	for _, x := range a.apps.Rows() {
		if x.fixtureName != "" {
			out = append(out, backend.EnvVar{Name: "CONTINUITY_SANDBOX_ASTRA_APP_" + backend.EnvName(x.fixtureName) + "_ID", Value: x.id})
		}
	}
	return append(out, backend.EnvVar{Name: EnvUnmanagedNamespaces, Value: strings.Join(a.unmanaged, ",")})
}
