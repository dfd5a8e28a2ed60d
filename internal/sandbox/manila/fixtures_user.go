package manila

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"slices"
	"sort"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// userFixtures is the manila section of the sandbox's -fixtures document:
// the user's share types, share group types, share networks and
// availability zones. A nil list is one the section does not give: with
// replace, only the kinds given replace the defaults.
type userFixtures struct {
	ShareTypes        *[]userShareType      `json:"share_types"`
	ShareGroupTypes   *[]userShareGroupType `json:"share_group_types"`
	ShareNetworks     *[]userShareNetwork   `json:"share_networks"`
	AvailabilityZones *[]string             `json:"availability_zones"`
}

type userShareType struct {
	ID          string         `json:"id"`
	Name        string         `json:"name"`
	Description string         `json:"description"`
	Public      *bool          `json:"public"`
	Default     bool           `json:"default"`
	ExtraSpecs  map[string]any `json:"extra_specs"`
}

type userShareGroupType struct {
	ID         string         `json:"id"`
	Name       string         `json:"name"`
	Public     *bool          `json:"public"`
	Default    bool           `json:"default"`
	ShareTypes []string       `json:"share_types"`
	GroupSpecs map[string]any `json:"group_specs"`
}

type userShareNetwork struct {
	ID              string `json:"id"`
	Name            string `json:"name"`
	Description     string `json:"description"`
	Project         string `json:"project"`
	NeutronNetID    string `json:"neutron_net_id"`
	NeutronSubnetID string `json:"neutron_subnet_id"`
	NetworkType     string `json:"network_type"`
	SegmentationID  *int   `json:"segmentation_id"`
	CIDR            string `json:"cidr"`
	Gateway         string `json:"gateway"`
	MTU             *int   `json:"mtu"`
}

var _ backend.Fixtured = (*API)(nil)

// Fixtures adds the user's share types, share group types, share networks
// and availability zones (backend.Fixtured). With replace each kind the
// section gives replaces the defaults of its kind (share types take the
// default group types, which list them, with them); the kinds it does not
// give, Keystone's projects and users and the security service stay. A
// type marked default becomes default_share_type (or
// default_share_group_type); with the defaults replaced and none marked,
// the first is. Without group types, the share types replaced get a group
// type "default" of all of them. IDs not given are derived from the names,
// as the defaults' are.
func (a *API) Fixtures(section json.RawMessage, replace bool) error {
	var f userFixtures
	if err := backend.DecodeFixtures(section, &f); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	db := a.db
	if replace && f.ShareTypes != nil {
		db.shareTypes.Replace(nil)
		db.shareGroupTypes.Replace(nil)
	}
	if replace && f.ShareGroupTypes != nil {
		db.shareGroupTypes.Replace(nil)
	}
	if replace && f.AvailabilityZones != nil {
		db.zones.Replace(nil)
	}
	if replace && f.ShareNetworks != nil {
		db.shareNetworks.Replace(nil)
	}
	for _, ut := range backend.Given(f.ShareTypes) {
		if err := db.addUserShareType(ut); err != nil {
			return err
		}
	}
	if db.shareGroupTypes.Len() == 0 && f.ShareGroupTypes == nil && db.shareTypes.Len() > 0 {
		all := []string{}
		for _, t := range backend.Given(f.ShareTypes) {
			all = append(all, t.Name)
		}
		f.ShareGroupTypes = &[]userShareGroupType{{Name: ShareGroupTypeName, ShareTypes: all}}
	}
	for _, ug := range backend.Given(f.ShareGroupTypes) {
		if err := db.addUserShareGroupType(ug); err != nil {
			return err
		}
	}
	for _, name := range backend.Given(f.AvailabilityZones) {
		if name == "" {
			return fmt.Errorf("availability_zones: an empty name")
		}
		if _, taken := db.availabilityZone(name); taken {
			return fmt.Errorf("availability zone %q is given twice", name)
		}
		db.zones.Add(&availabilityZone{id: fixtureUUID("availability_zone/" + name), name: name, createdAt: fixtureTime})
	}
	for _, un := range backend.Given(f.ShareNetworks) {
		if err := db.addUserShareNetwork(un); err != nil {
			return err
		}
	}
	switch {
	case db.shareTypes.Len() == 0:
		return fmt.Errorf("share_types: Manila needs at least one share type")
	case db.zones.Len() == 0:
		return fmt.Errorf("availability_zones: Manila needs at least one availability zone")
	case db.shareGroupTypes.Len() == 0:
		return fmt.Errorf("share_group_types: Manila needs at least one share group type")
	}
	if db.defaultShareType() == nil {
		db.shareTypes.Rows()[0].isDefault = true
	}
	if db.defaultShareGroupType() == nil && db.shareGroupTypes.Len() > 0 {
		db.shareGroupTypes.Rows()[0].isDefault = true
	}
	return nil
}

func (db *manilaDB) addUserShareType(ut userShareType) error {
	if ut.Name == "" {
		return fmt.Errorf("share_types: a share type without a name")
	}
	if db.shareTypes.Any(func(t *shareType) bool { return t.name == ut.Name }) {
		return fmt.Errorf("share type %q: the name is taken", ut.Name)
	}
	t := &shareType{id: orDerived(ut.ID, "share_type/"+ut.Name), name: ut.Name, description: ut.Description, isPublic: ut.Public == nil || *ut.Public}
	if _, taken := db.shareTypes.Get(t.id); taken {
		return fmt.Errorf("share type %q: the ID %s is taken", ut.Name, t.id)
	}
	specs, err := specsOf(ut.ExtraSpecs)
	if err != nil {
		return fmt.Errorf("share type %q: %w", ut.Name, err)
	}
	dhss, ok := specValue(specs, "driver_handles_share_servers")
	if !ok || (dhss != "True" && dhss != "False") {
		return fmt.Errorf("share type %q: extra_specs.driver_handles_share_servers is required, true or false", ut.Name)
	}
	// driver_handles_share_servers first, as Manila lists it.
	t.specs = append([]spec{{"driver_handles_share_servers", dhss}}, slices.DeleteFunc(specs, func(s spec) bool { return s.key == "driver_handles_share_servers" })...)
	if ut.Default {
		for _, o := range db.shareTypes.Rows() {
			if o.isDefault && o.id != ShareTypeDefaultID {
				return fmt.Errorf("share type %q: %q is default already", ut.Name, o.name)
			}
			o.isDefault = false
		}
		t.isDefault = true
	}
	db.shareTypes.Add(t)
	return nil
}

func (db *manilaDB) addUserShareGroupType(ug userShareGroupType) error {
	if ug.Name == "" {
		return fmt.Errorf("share_group_types: a share group type without a name")
	}
	if db.shareGroupTypes.Any(func(t *shareGroupType) bool { return t.name == ug.Name }) {
		return fmt.Errorf("share group type %q: the name is taken", ug.Name)
	}
	g := &shareGroupType{id: orDerived(ug.ID, "share_group_type/"+ug.Name), name: ug.Name, isPublic: ug.Public == nil || *ug.Public,
		shareTypes: []string{}}
	if _, taken := db.shareGroupTypes.Get(g.id); taken {
		return fmt.Errorf("share group type %q: the ID %s is taken", ug.Name, g.id)
	}
	if len(ug.ShareTypes) == 0 {
		return fmt.Errorf("share group type %q: share_types lists none", ug.Name)
	}
	for _, ref := range ug.ShareTypes {
		t, ok := db.shareTypes.Find(func(t *shareType) bool { return t.name == ref || t.id == ref })
		if !ok {
			return fmt.Errorf("share group type %q: no share type %q", ug.Name, ref)
		}
		g.shareTypes = append(g.shareTypes, t.id)
	}
	specs, err := specsOf(ug.GroupSpecs)
	if err != nil {
		return fmt.Errorf("share group type %q: %w", ug.Name, err)
	}
	g.groupSpecs = specs
	if ug.Default {
		for _, o := range db.shareGroupTypes.Rows() {
			if o.isDefault && o.id != ShareGroupTypeID {
				return fmt.Errorf("share group type %q: %q is default already", ug.Name, o.name)
			}
			o.isDefault = false
		}
		g.isDefault = true
	}
	db.shareGroupTypes.Add(g)
	return nil
}

func (db *manilaDB) addUserShareNetwork(un userShareNetwork) error {
	if un.Name == "" {
		return fmt.Errorf("share_networks: a share network without a name")
	}
	if db.shareNetworks.Any(func(n *shareNetwork) bool { return derefString(n.name) == un.Name }) {
		return fmt.Errorf("share network %q: the name is taken", un.Name)
	}
	n := &shareNetwork{id: orDerived(un.ID, "share_network/"+un.Name), name: strPtr(un.Name), projectID: ProjectID,
		neutronNetID: strPtr(orDerived(un.NeutronNetID, "neutron/net/"+un.Name)), neutronSubnetID: strPtr(orDerived(un.NeutronSubnetID, "neutron/subnet/"+un.Name)),
		networkType: strPtr("vxlan"), segmentationID: un.SegmentationID, cidr: strPtr("10.0.0.0/24"), gateway: nil,
		ipVersion: intPtr(4), mtu: intPtr(1450), createdAt: fixtureTime, securityServices: []string{}, fixture: true}
	if _, taken := db.shareNetworks.Get(n.id); taken {
		return fmt.Errorf("share network %q: the ID %s is taken", un.Name, n.id)
	}
	switch un.Project {
	case "", ProjectName:
	case AdminProjectName:
		n.projectID = AdminProjectID
	default:
		return fmt.Errorf("share network %q: project %q is not %s or %s", un.Name, un.Project, ProjectName, AdminProjectName)
	}
	if un.Description != "" {
		n.description = strPtr(un.Description)
	}
	if un.NetworkType != "" {
		n.networkType = strPtr(un.NetworkType)
	}
	if un.CIDR != "" {
		n.cidr = strPtr(un.CIDR)
	}
	prefix, err := netip.ParsePrefix(derefString(n.cidr))
	if err != nil {
		return fmt.Errorf("share network %q: cidr: %w", un.Name, err)
	}
	n.gateway = strPtr(un.Gateway)
	if un.Gateway == "" {
		n.gateway = strPtr(prefix.Masked().Addr().Next().String())
	}
	if un.MTU != nil {
		n.mtu = un.MTU
	}
	if n.segmentationID == nil {
		n.segmentationID = intPtr(1001 + db.shareNetworks.Len())
	}
	db.shareNetworks.Add(n)
	return nil
}

// specsOf turns the extra (or group) specs of a fixture into Manila's
// strings, in the order of their keys: YAML's true and false are "True"
// and "False", as Manila writes them.
func specsOf(m map[string]any) ([]spec, error) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]spec, 0, len(m))
	for _, k := range keys {
		var v string
		switch x := m[k].(type) {
		case bool:
			v = "False"
			if x {
				v = "True"
			}
		case string:
			v = x
			switch strings.ToLower(x) {
			case "true":
				v = "True"
			case "false":
				v = "False"
			}
		case float64:
			v = fmt.Sprint(x)
		default:
			return nil, fmt.Errorf("spec %s: %v is not a string, a number or a boolean", k, x)
		}
		out = append(out, spec{k, v})
	}
	return out, nil
}

// orDerived returns id, or when it is empty the fixture UUID of name.
func orDerived(id, name string) string {
	if id != "" {
		return id
	}
	return fixtureUUID(name)
}

// fixtureEnv returns the variables of the fixtures held:
// CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_<NAME>_ID for each share type (the
// defaults' are DEFAULT, GOLD, REPLICATED and BRONZE); _REPLICATED_ID,
// when no type is called replicated, for the first with a
// replication_type; the first share network; the default share group
// type; and the availability zones.
func (a *API) fixtureEnv() []backend.EnvVar {
	a.mu.Lock()
	defer a.mu.Unlock()
	db := a.db
	var out []backend.EnvVar
	replicated := false
	for _, t := range db.shareTypes.Rows() {
		name := "CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_" + backend.EnvName(t.name) + "_ID"
		replicated = replicated || name == EnvShareTypeReplicatedID
		out = append(out, backend.EnvVar{Name: name, Value: t.id})
	}
	if t, ok := db.shareTypes.Find(func(t *shareType) bool { return t.extraSpec("replication_type") != "" }); ok && !replicated {
		out = append(out, backend.EnvVar{Name: EnvShareTypeReplicatedID, Value: t.id})
	}
	if networks := db.shareNetworks.Rows(); len(networks) > 0 {
		out = append(out, backend.EnvVar{Name: EnvShareNetworkID, Value: networks[0].id},
			backend.EnvVar{Name: EnvShareNetworkName, Value: derefString(networks[0].name)})
	}
	if g := db.defaultShareGroupType(); g != nil {
		out = append(out, backend.EnvVar{Name: EnvShareGroupTypeID, Value: g.id})
	}
	zones := []string{}
	for _, z := range db.zones.Rows() {
		zones = append(zones, z.name)
	}
	return append(out, backend.EnvVar{Name: EnvAvailabilityZones, Value: strings.Join(zones, ",")})
}

// FixtureSchema is the JSON Schema of the manila section
// (backend.Fixtured).
func (a *API) FixtureSchema() json.RawMessage { return json.RawMessage(fixtureSchema) }

const fixtureSchema = `{
  "type": "object",
  "description": "OpenStack Manila: your share types, share group types, share networks and availability zones. Without ids, ids are derived from the names (the same on every start).",
  "additionalProperties": false,
  "$defs": {
    "specs": {
      "type": "object",
      "additionalProperties": {"type": ["string", "boolean", "number"]}
    }
  },
  "properties": {
    "share_types": {
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["name", "extra_specs"],
        "properties": {
          "id": {"type": "string", "format": "uuid"},
          "name": {"type": "string", "description": "Exported as CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_<NAME>_ID."},
          "description": {"type": "string"},
          "public": {"type": "boolean", "default": true},
          "default": {"type": "boolean", "description": "default_share_type. At most one of yours; with the defaults replaced and none marked, the first."},
          "extra_specs": {
            "allOf": [{"$ref": "#/properties/manila/$defs/specs"}],
            "required": ["driver_handles_share_servers"],
            "description": "Manila's extra specs: driver_handles_share_servers (true needs a share network), snapshot_support, create_share_from_snapshot_support, revert_to_snapshot_support, replication_type (dr, readable, writable: the first type with one is CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_REPLICATED_ID when none is called replicated) …"
          }
        }
      }
    },
    "share_group_types": {
      "type": "array",
      "description": "With the share types replaced and no group types given, a group type default of all of them.",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["name", "share_types"],
        "properties": {
          "id": {"type": "string", "format": "uuid"},
          "name": {"type": "string"},
          "public": {"type": "boolean", "default": true},
          "default": {"type": "boolean", "description": "default_share_group_type: CONTINUITY_SANDBOX_MANILA_SHARE_GROUP_TYPE_ID."},
          "share_types": {"type": "array", "minItems": 1, "items": {"type": "string"}, "description": "Names or IDs of share types."},
          "group_specs": {"$ref": "#/properties/manila/$defs/specs"}
        }
      }
    },
    "share_networks": {
      "type": "array",
      "description": "The first is CONTINUITY_SANDBOX_MANILA_SHARE_NETWORK_ID and _NAME.",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["name"],
        "properties": {
          "id": {"type": "string", "format": "uuid"},
          "name": {"type": "string"},
          "description": {"type": "string"},
          "project": {"enum": ["demo", "admin"], "default": "demo"},
          "neutron_net_id": {"type": "string"},
          "neutron_subnet_id": {"type": "string"},
          "network_type": {"type": "string", "default": "vxlan"},
          "segmentation_id": {"type": "integer"},
          "cidr": {"type": "string", "default": "10.0.0.0/24"},
          "gateway": {"type": "string", "description": "Default: the CIDR's first address."},
          "mtu": {"type": "integer", "default": 1450}
        }
      }
    },
    "availability_zones": {
      "type": "array",
      "description": "Zone names, in CONTINUITY_SANDBOX_MANILA_AVAILABILITY_ZONES; the first is where shares go without one.",
      "items": {"type": "string", "minLength": 1}
    }
  }
}`
